using System.Text.Json.Nodes;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.ExtensionPoints.Paging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Registry;

/// <summary>
/// Registrants and the component definitions they registered, in memory (bounded by <see cref="RegistryOptions"/>).
/// A registrant is keyed by host and port (older form) or by its connection; registering the same model, kind and
/// version again replaces the definition. Nothing is written to disk: adapters register again when they start.
/// </summary>
public sealed class ComponentRegistry(IOptions<RegistryOptions> options, TimeProvider time)
{
    private static readonly Guid RegistrantNamespace = DeterministicGuid.CreateVersion5(DeterministicGuid.DnsNamespace, "meshery-agent-registrants");

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _registrants = new(StringComparer.Ordinal);

    /// <summary>Records the registration; null when the registry is full.</summary>
    public ComponentRegistered? Register(ComponentRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_registrants.TryGetValue(registration.RegistrantKey, out var entry))
            {
                if (_registrants.Count >= options.Value.MaxRegistrants)
                {
                    return null;
                }

                entry = new Entry(DeterministicGuid.CreateVersion5(RegistrantNamespace, registration.RegistrantKey), now);
                _registrants[registration.RegistrantKey] = entry;
            }

            var componentKey = (registration.Model, registration.Kind, registration.Version);
            var created = !entry.Components.ContainsKey(componentKey);
            if (created && entry.Components.Count >= options.Value.MaxComponentsPerRegistrant)
            {
                return null;
            }

            entry.Components[componentKey] = registration.Definition;
            entry.Latest = registration;
            entry.UpdatedAt = now;
            return new ComponentRegistered
            {
                RegistrantId = entry.Id,
                Registrant = registration.RegistrantName,
                Model = registration.Model,
                Kind = registration.Kind,
                Version = registration.Version,
                Created = created,
            };
        }
    }

    /// <summary>A page of registrants, most recently registered first.</summary>
    public RegistrantPage List(PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        lock (_gate)
        {
            var matching = _registrants.Values
                .Where(e => page.Search is not { Length: > 0 } search || e.Latest!.RegistrantName.Contains(search, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(e => e.UpdatedAt)
                .ToList();
            var items = matching.Skip(page.Offset).Take(page.PageSize).Select(ToRegistrant).ToList();
            return new RegistrantPage(items, matching.Count, page.Page, page.PageSize);
        }
    }

    private static Registrant ToRegistrant(Entry entry)
    {
        var latest = entry.Latest!;
        return new Registrant
        {
            Id = entry.Id,
            Name = latest.RegistrantName,
            Kind = latest.RegistrantKind,
            SubType = latest.RegistrantSubType,
            Metadata = (JsonObject)latest.RegistrantMetadata.DeepClone(),
            Summary = new RegistrantSummary
            {
                Components = entry.Components.Count,
                Models = entry.Components.Keys.Select(k => k.Model).Distinct(StringComparer.Ordinal).Count(),
            },
            CreatedAt = entry.CreatedAt,
            UpdatedAt = entry.UpdatedAt,
        };
    }

    private sealed class Entry(Guid id, DateTimeOffset createdAt)
    {
        public Guid Id { get; } = id;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public DateTimeOffset UpdatedAt { get; set; } = createdAt;

        public ComponentRegistration? Latest { get; set; }

        public Dictionary<(string Model, string Kind, string Version), JsonObject> Components { get; } = [];
    }
}

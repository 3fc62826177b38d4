using System.Text.Json.Nodes;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.ExtensionPoints.Paging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Registry;

/// <summary>
/// Registrants and which components (model, kind, version) each registered, in memory and bounded by
/// <see cref="RegistryOptions"/>; the definitions' bodies (schemas) are checked but not kept, so an open endpoint
/// cannot fill memory with them. A registrant is keyed by host and port (older form) or by its connection;
/// registering the same component again is a repeat. Nothing is written to disk: adapters register again when they start.
/// </summary>
public sealed class ComponentRegistry(IOptions<RegistryOptions> options, TimeProvider time)
{
    private static readonly Guid RegistrantNamespace = DeterministicGuid.CreateVersion5(DeterministicGuid.DnsNamespace, "meshery-agent-registrants");

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _registrants = new(StringComparer.Ordinal);
    private int _components;

    /// <summary>Records the registration; null when the registry is full.</summary>
    public ComponentRegistered? Register(ComponentRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var componentKey = (registration.Model, registration.Kind, registration.Version);
            var known = _registrants.TryGetValue(registration.RegistrantKey, out var entry);
            var created = !known || !entry!.Components.Contains(componentKey);
            if ((!known && _registrants.Count >= options.Value.MaxRegistrants)
                || (created && ((entry?.Components.Count ?? 0) >= options.Value.MaxComponentsPerRegistrant || _components >= options.Value.MaxComponents)))
            {
                return null;
            }

            if (entry is null)
            {
                entry = new Entry(DeterministicGuid.CreateVersion5(RegistrantNamespace, registration.RegistrantKey), now);
                _registrants[registration.RegistrantKey] = entry;
            }

            if (created)
            {
                entry.Components.Add(componentKey);
                _components++;
            }

            // Only the registrant's fields are kept: the definition was checked and is not stored.
            entry.Latest = registration with { Definition = [] };
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
                Models = entry.Components.Select(k => k.Model).Distinct(StringComparer.Ordinal).Count(),
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

        public HashSet<(string Model, string Kind, string Version)> Components { get; } = [];
    }
}

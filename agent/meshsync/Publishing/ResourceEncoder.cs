using System.Text.Json;
using Meshery.Agent.MeshSync.Discovery;
using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.MeshSync.Publishing;

/// <summary>
/// Maps an API object to <see cref="KubernetesResource"/> JSON that fits a message: over the limit it drops
/// <c>managedFields</c>, then the last-applied annotation, then the largest parts (status, data, spec, ...)
/// until it fits. Never throws for size.
/// </summary>
internal sealed class ResourceEncoder(string clusterId, bool redactSecrets, int maxResourceBytes)
{
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";
    private const string SecretKind = "Secret";

    public string ClusterId => clusterId;

    /// <summary>Encodes <paramref name="raw"/>; <paramref name="trimmed"/> tells whether parts were dropped to fit.</summary>
    public byte[] Encode(JsonElement raw, ResourceType type, out bool trimmed)
    {
        trimmed = false;
        if (!MayRedact(raw, type))
        {
            // The common case, written directly; only a redacted Secret or an object over the limit needs the record.
            var direct = ResourceJsonWriter.Write(raw, clusterId, type.ApiVersion, type.Kind);
            if (direct.Length <= maxResourceBytes)
            {
                return direct;
            }
        }

        var resource = KubernetesResourceMapper.FromElement(raw, clusterId, type.ApiVersion, type.Kind, redactSecrets);
        var json = Serialize(resource);
        if (json.Length <= maxResourceBytes)
        {
            return json;
        }

        trimmed = true;
        foreach (var step in TrimSteps)
        {
            resource = step(resource);
            json = Serialize(resource);
            if (json.Length <= maxResourceBytes)
            {
                return json;
            }
        }

        return json;
    }

    /// <summary>
    /// Whether keeping <paramref name="raw"/> and encoding it again later is as good as keeping what
    /// <see cref="Encode"/> gave: not when it was trimmed (the object is larger than the message), nor for a Secret
    /// whose values are redacted (they must not stay in memory).
    /// </summary>
    public bool CanKeepRaw(JsonElement raw, ResourceType type, bool trimmed) => !trimmed && !MayRedact(raw, type);

    /// <summary>Whether the object may be a Secret whose values are redacted.</summary>
    private bool MayRedact(JsonElement raw, ResourceType type) =>
        redactSecrets && (type.Kind == SecretKind || (raw.TryGetProperty("kind", out var kind) && kind.ValueEquals(SecretKind)));

    private static readonly Func<KubernetesResource, KubernetesResource>[] TrimSteps =
    [
        r => r with { Metadata = r.Metadata with { ManagedFields = null } },
        r => r with { Metadata = r.Metadata with { Annotations = r.Metadata.Annotations?.Where(a => a.Key != LastApplied).ToList() } },
        r => r with { Status = r.Status is null ? null : r.Status with { Attribute = null } },
        r => r with { Data = null, BinaryData = null, StringData = null },
        r => r with { Spec = r.Spec is null ? null : r.Spec with { Attribute = null } },
        r => r with { Metadata = r.Metadata with { Annotations = null, OwnerReferences = null, Finalizers = null } },
        r => r with { Metadata = r.Metadata with { Labels = null } },
    ];

    private static byte[] Serialize(KubernetesResource resource) =>
        JsonSerializer.SerializeToUtf8Bytes(resource, MeshSyncJsonContext.Default.KubernetesResource);
}

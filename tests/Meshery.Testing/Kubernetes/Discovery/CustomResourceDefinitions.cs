using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Storage;

namespace Meshery.Testing.Kubernetes.Discovery;

/// <summary>Turns CustomResourceDefinition objects into served types and fills in their status.</summary>
internal static class CustomResourceDefinitions
{
    /// <summary>The problem with a CRD, worded like the real validation, or null when it is usable.</summary>
    public static string? Validate(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject;
        var group = Meta.Str(spec, "group");
        var names = spec?["names"] as JsonObject;
        var plural = Meta.Str(names, "plural");
        if (string.IsNullOrEmpty(group) || string.IsNullOrEmpty(plural) || string.IsNullOrEmpty(Meta.Str(names, "kind")))
        {
            return "spec.group, spec.names.plural and spec.names.kind: Required value";
        }

        if (Meta.Name(crd) != $"{plural}.{group}")
        {
            return $"metadata.name: Invalid value: \"{Meta.Name(crd)}\": must be spec.names.plural+\".\"+spec.group";
        }

        if (Meta.Str(spec, "scope") is not ("Namespaced" or "Cluster"))
        {
            return "spec.scope: Unsupported value: must be Namespaced or Cluster";
        }

        return spec?["versions"] is JsonArray { Count: > 0 } ? null : "spec.versions: Invalid value: must have exactly one version marked as storage version";
    }

    public static IReadOnlyList<ResourceType> TypesOf(JsonObject crd)
    {
        var spec = (JsonObject)crd["spec"]!;
        var names = (JsonObject)spec["names"]!;
        var group = Meta.Str(spec, "group")!;
        var plural = Meta.Str(names, "plural")!;
        var kind = Meta.Str(names, "kind")!;
        var singular = Meta.Str(names, "singular") ?? kind.ToLowerInvariant();
        var shortNames = names["shortNames"] is JsonArray a ? a.Select(n => n?.ToString() ?? string.Empty).ToArray() : [];
        var namespaced = Meta.Str(spec, "scope") == "Namespaced";
        var types = new List<ResourceType>();
        foreach (var version in ((JsonArray)spec["versions"]!).OfType<JsonObject>())
        {
            if (version["served"] is JsonValue served && served.TryGetValue<bool>(out var isServed) && !isServed)
            {
                continue;
            }

            var hasStatus = version["subresources"]?["status"] is JsonObject;
            types.Add(new ResourceType(group, Meta.Str(version, "name")!, plural, singular, kind, namespaced, hasStatus, shortNames)
            {
                ListKind = Meta.Str(names, "listKind") ?? kind + "List",
                CrdName = $"{plural}.{group}",
            });
        }

        return types;
    }

    /// <summary>Marks the CRD accepted and established at once (the real server does so within moments).</summary>
    public static void SetStatus(JsonObject crd, DateTimeOffset now)
    {
        var spec = (JsonObject)crd["spec"]!;
        var storage = ((JsonArray)spec["versions"]!).OfType<JsonObject>()
            .FirstOrDefault(v => v["storage"] is JsonValue s && s.TryGetValue<bool>(out var b) && b)
            ?? ((JsonArray)spec["versions"]!).OfType<JsonObject>().First();
        var time = Meta.Timestamp(now);
        JsonObject Condition(string type, string reason, string message) => new()
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = time,
            ["reason"] = reason,
            ["message"] = message,
        };
        crd["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted")),
            ["acceptedNames"] = spec["names"]!.DeepClone(),
            ["storedVersions"] = new JsonArray(Meta.Str(storage, "name")),
        };
    }
}

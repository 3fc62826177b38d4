using System.Text.Json.Nodes;

namespace Meshery.Agent.Operator.Reconcile;

/// <summary>Condition types the operator writes, and the merge that keeps a transition time while a status holds.</summary>
internal static class Conditions
{
    public const string Processing = "Processing";
    public const string Ready = "Ready";
    public const string Failed = "Failed";
    public const string Cleanup = "Cleanup";

    /// <summary>
    /// The conditions <paramref name="desired"/> as a status array: each keeps its old <c>lastTransitionTime</c>
    /// when its status did not change, so an unchanged result is byte-for-byte the old one.
    /// </summary>
    public static JsonArray Merge(JsonNode? existing, long generation, DateTimeOffset now, params (string Type, bool Status, string Reason, string Message)[] desired)
    {
        var old = (existing as JsonArray)?.OfType<JsonObject>().ToDictionary(c => (string?)c["type"] ?? string.Empty) ?? [];
        var result = new JsonArray();
        foreach (var (type, status, reason, message) in desired)
        {
            var text = status ? "True" : "False";
            var transition = old.TryGetValue(type, out var previous) && (string?)previous["status"] == text
                ? (string?)previous["lastTransitionTime"]
                : null;
            result.Add(new JsonObject
            {
                ["type"] = type,
                ["status"] = text,
                ["observedGeneration"] = generation,
                ["lastTransitionTime"] = transition ?? now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["reason"] = reason,
                ["message"] = message,
            });
        }

        return result;
    }
}

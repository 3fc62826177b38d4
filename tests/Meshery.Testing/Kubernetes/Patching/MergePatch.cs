using System.Text.Json.Nodes;

namespace Meshery.Testing.Kubernetes.Patching;

/// <summary>
/// JSON merge patch (RFC 7386), and the approximation of strategic merge patch the fake uses:
/// directives (<c>$patch</c>, <c>$setElementOrder/...</c>) are honoured or dropped, and lists of
/// objects that all carry a <c>name</c> are merged by name, as for containers, ports and env.
/// </summary>
internal static class MergePatch
{
    public static void Apply(JsonObject target, JsonObject patch, bool strategic = false)
    {
        foreach (var (key, value) in patch)
        {
            if (strategic && key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchObject)
            {
                var directive = strategic ? patchObject["$patch"]?.ToString() : null;
                if (directive == "delete")
                {
                    target.Remove(key);
                }
                else if (directive == "replace" || target[key] is not JsonObject existing)
                {
                    var fresh = new JsonObject();
                    Apply(fresh, patchObject, strategic);
                    target[key] = fresh;
                }
                else
                {
                    Apply(existing, patchObject, strategic);
                }
            }
            else if (strategic && value is JsonArray patchList && target[key] is JsonArray currentList && ByName(patchList) && ByName(currentList))
            {
                MergeByName(currentList, patchList);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    private static bool ByName(JsonArray list) =>
        list.Count > 0 && list.All(n => n is JsonObject o && o["name"] is JsonValue);

    private static void MergeByName(JsonArray current, JsonArray patch)
    {
        foreach (var item in patch.OfType<JsonObject>())
        {
            var name = item["name"]!.ToString();
            var index = current.Select((n, i) => (n, i)).FirstOrDefault(p => p.n?["name"]?.ToString() == name, (null, -1)).i;
            if (item["$patch"]?.ToString() == "delete")
            {
                if (index >= 0)
                {
                    current.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                Apply((JsonObject)current[index]!, item, strategic: true);
            }
            else
            {
                var fresh = new JsonObject();
                Apply(fresh, item, strategic: true);
                current.Add(fresh);
            }
        }
    }
}

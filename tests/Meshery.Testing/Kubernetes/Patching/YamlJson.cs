using System.Text.Json.Nodes;
using Meshery.Deploy.Manifests;

namespace Meshery.Testing.Kubernetes.Patching;

/// <summary>
/// Reads an apply body, which may be JSON or YAML, into a <see cref="JsonObject"/>; YAML goes through
/// the same reader the install bundle uses (YAML 1.2 core schema for plain scalars).
/// </summary>
internal static class YamlJson
{
    public static JsonObject? ParseObject(string text)
    {
        if (text.TrimStart().StartsWith('{'))
        {
            return JsonNode.Parse(text) as JsonObject;
        }

        return YamlManifestReader.Read(text).FirstOrDefault()?.Body;
    }
}

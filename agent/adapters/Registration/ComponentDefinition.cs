using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Meshery.Agent.Adapters.Hosting;

namespace Meshery.Agent.Adapters.Registration;

/// <summary>The component definition (schemas v1beta1 component with its model) the adapter registers.</summary>
public static class ComponentDefinition
{
    public const string SchemaVersion = "components.meshery.io/v1beta1";
    public const string ModelSchemaVersion = "models.meshery.io/v1beta1";

    public static JsonObject For(AdapterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var component = options.Component;
        var modelVersion = options.MeshVersions.FirstOrDefault() ?? component.Version;
        return new JsonObject
        {
            ["id"] = StableId($"{component.Name}/{component.ApiVersion}/{component.Kind}").ToString(),
            ["schemaVersion"] = SchemaVersion,
            ["version"] = component.Version,
            ["displayName"] = component.Kind,
            ["description"] = $"{component.Kind}, offered by the {options.MeshName} adapter.",
            ["format"] = "JSON",
            ["component"] = new JsonObject
            {
                ["kind"] = component.Kind,
                ["version"] = component.ApiVersion,
                ["schema"] = "{\"type\":\"object\"}",
            },
            ["model"] = new JsonObject
            {
                ["id"] = StableId($"{component.Name}/{modelVersion}").ToString(),
                ["schemaVersion"] = ModelSchemaVersion,
                ["name"] = component.Name,
                ["displayName"] = options.MeshName,
                ["version"] = modelVersion,
                ["model"] = new JsonObject { ["version"] = modelVersion },
                ["registrant"] = new JsonObject { ["kind"] = "meshery-adapter" },
            },
            ["configuration"] = new JsonObject(),
            ["metadata"] = new JsonObject { ["isNamespaced"] = true, ["published"] = true },
        };
    }

    /// <summary>A GUID fixed by <paramref name="text"/>, so registering again names the same definition.</summary>
    private static Guid StableId(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Meshery.Agent.Registry;

/// <summary>A registration body read and checked: who registers (<see cref="RegistrantKey"/>) which component.</summary>
public sealed record ComponentRegistration(
    string RegistrantKey,
    string RegistrantName,
    string RegistrantKind,
    string RegistrantSubType,
    JsonObject RegistrantMetadata,
    string Model,
    string Kind,
    string Version,
    JsonObject Definition)
{
    public const string ComponentEntityType = "component";

    /// <summary>Largest registrant metadata kept (the registry holds it in memory for as long as the agent runs).</summary>
    public const int MaxMetadataChars = 16 * 1024;

    /// <summary>Reads <paramref name="body"/>; false with one sentence saying what is wrong.</summary>
    public static bool TryRead(RegistrantData body, out ComponentRegistration? registration, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(body);
        registration = null;
        if (string.IsNullOrWhiteSpace(body.EntityType))
        {
            problem = "The body has no entityType: send \"component\".";
            return false;
        }

        if (!body.EntityType.Equals(ComponentEntityType, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"entityType '{body.EntityType}' is not registered here: only component definitions are.";
            return false;
        }

        if (!TryRegistrant(body, out var key, out var name, out var kind, out var subType, out var metadata, out problem)
            || !TryDefinition(body.Entity, out var definition, out problem))
        {
            return false;
        }

        if (Text(definition["model"]?["name"]) is not { Length: > 0 } model)
        {
            problem = "The component definition has no model.name.";
            return false;
        }

        if (Text(definition["component"]?["kind"]) is not { Length: > 0 } componentKind)
        {
            problem = "The component definition has no component.kind.";
            return false;
        }

        var version = Text(definition["component"]?["version"]) ?? Text(definition["version"]) ?? "";
        registration = new ComponentRegistration(key, name, kind, subType, metadata, model, componentKind, version, definition);
        return true;
    }

    private static bool TryRegistrant(
        RegistrantData body, out string key, out string name, out string kind, out string subType, out JsonObject metadata, out string? problem)
    {
        (key, name, kind, subType, metadata, problem) = ("", "", "", "", [], null);
        if (body.Connection is { } connection)
        {
            kind = Text(connection["kind"]) ?? "";
            if (kind.Length == 0)
            {
                problem = "The connection has no kind.";
                return false;
            }

            name = Text(connection["name"]) ?? kind;
            subType = Text(connection["subType"]) ?? Text(connection["sub_type"]) ?? "";
            key = "connection:" + (Text(connection["id"]) is { Length: > 0 } id ? id : $"{kind}/{name}");
            metadata = connection["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : [];
            if (metadata.ToJsonString().Length > MaxMetadataChars)
            {
                problem = $"connection.metadata is larger than {MaxMetadataChars / 1024} KiB.";
                return false;
            }

            return true;
        }

        if (body.Host is not { } host)
        {
            problem = "The body names no registrant: send host {Hostname, Port} or connection.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(host.Hostname) || host.Hostname.Length > 253)
        {
            problem = "host.Hostname is empty or too long.";
            return false;
        }

        if (host.Port is not (>= 0 and <= 65535))
        {
            problem = "host.Port must be a port number (0-65535).";
            return false;
        }

        name = $"{host.Hostname}:{host.Port}";
        (key, kind, subType) = ("host:" + name.ToLowerInvariant(), "meshery-adapter", "adapter");
        metadata = new JsonObject { ["hostname"] = host.Hostname, ["port"] = host.Port };
        if (host.Metadata is JsonValue instance && instance.TryGetValue<string>(out var instanceId) && instanceId.Length > 0)
        {
            metadata["instanceId"] = instanceId;
        }

        return true;
    }

    private static bool TryDefinition(JsonNode? entity, out JsonObject definition, out string? problem)
    {
        definition = [];
        problem = null;
        if (entity is JsonObject direct)
        {
            definition = (JsonObject)direct.DeepClone();
            return true;
        }

        if (entity is not JsonValue value || !value.TryGetValue<string>(out var encoded) || encoded.Length == 0)
        {
            problem = "The body has no entity: send the component definition's JSON, base64-encoded.";
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            problem = "entity is not base64.";
            return false;
        }

        try
        {
            if (JsonNode.Parse(Encoding.UTF8.GetString(bytes)) is JsonObject parsed)
            {
                definition = parsed;
                return true;
            }
        }
        catch (JsonException)
        {
            // answered below
        }

        problem = "entity does not decode to a JSON object (a component definition).";
        return false;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}

using System.Text.Json;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary>Finds the entity in a raw answer: the object itself, the first of a list, or the first of a page's list.</summary>
internal static class EntityJson
{
    private static readonly string[] PageMembers = ["connections", "patterns", "data"];

    public static Guid? IdOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Entity(document.RootElement) is { } entity
                && entity.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var value)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the entity has <paramref name="member"/> spelled exactly so.</summary>
    public static bool HasMember(string json, string member)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Entity(document.RootElement) is { } entity && entity.TryGetProperty(member, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonElement? Entity(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.GetArrayLength() > 0 ? root[0] : null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var member in PageMembers)
        {
            if (root.TryGetProperty(member, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                return list.GetArrayLength() > 0 ? list[0] : null;
            }
        }

        return root;
    }
}

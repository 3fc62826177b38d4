using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Meshery.Cli.Commands.Common;

/// <summary>Values of the server's JSON as table cells.</summary>
public static class JsonText
{
    /// <summary>A member as text: strings as they are, other values as JSON, "" when missing or null.</summary>
    public static string Of(JsonNode? node, string key) =>
        (node as JsonObject)?[key] switch
        {
            null => "",
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            var other => other.ToJsonString(),
        };

    /// <summary>A time member as <c>yyyy-MM-dd HH:mm:ss</c> UTC, or as sent when it does not parse.</summary>
    public static string TimeOf(JsonNode? node, string key)
    {
        var text = Of(node, key);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>The items of a page (<paramref name="key"/> holds the array).</summary>
    public static IReadOnlyList<JsonObject> Items(JsonObject page, string key)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. (page[key] as JsonArray ?? []).OfType<JsonObject>()];
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Meshery.ExtensionPoints.Sync;

/// <summary>
/// The CloudEvents 1.0 JSON format's rules for one event object, checked on the JSON itself before the SDK
/// reads it: the SDK is lenient where the specification is not (empty strings, loose timestamps, media
/// types, extension names and values), and an answer must name the attribute at fault.
/// </summary>
public static partial class CloudEventRules
{
    private static readonly string[] Required = ["specversion", "id", "source", "type"];
    private static readonly string[] Optional = ["datacontenttype", "dataschema", "subject", "time"];

    /// <summary>The first rule <paramref name="item"/> breaks, worded for a problem detail, or null when it is a valid event.</summary>
    public static string? Check(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return $"is a JSON {item.ValueKind.ToString().ToLowerInvariant()}, not an object";
        }

        foreach (var name in Required)
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return $"has no '{name}' attribute (required)";
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                return $"has a non-string '{name}'";
            }

            if (value.GetString()!.Length == 0)
            {
                return $"has an empty '{name}'";
            }
        }

        var specVersion = item.GetProperty("specversion").GetString();
        if (specVersion != "1.0")
        {
            return $"has specversion '{specVersion}'; only 1.0 is accepted";
        }

        if (!Uri.TryCreate(item.GetProperty("source").GetString(), UriKind.RelativeOrAbsolute, out _))
        {
            return "has a 'source' that is not a URI reference";
        }

        foreach (var name in Optional)
        {
            if (item.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null && OptionalProblem(name, value) is { } problem)
            {
                return problem;
            }
        }

        var hasData = item.TryGetProperty("data", out _);
        if (item.TryGetProperty("data_base64", out var base64))
        {
            if (hasData)
            {
                return "has both 'data' and 'data_base64'";
            }

            if (base64.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
                || (base64.ValueKind == JsonValueKind.String && !IsBase64(base64.GetString()!)))
            {
                return "has a 'data_base64' that is not a base64 string";
            }
        }

        foreach (var property in item.EnumerateObject())
        {
            if (property.Name is "data" or "data_base64" || Required.Contains(property.Name) || Optional.Contains(property.Name))
            {
                continue;
            }

            if (!ExtensionName().IsMatch(property.Name))
            {
                return $"has an attribute named '{property.Name}': names are lower-case letters and digits only";
            }

            if (ExtensionValueProblem(property.Value) is { } problem)
            {
                return $"has extension '{property.Name}' {problem}";
            }
        }

        return null;
    }

    private static string? OptionalProblem(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return $"has a non-string '{name}'";
        }

        var text = value.GetString()!;
        if (text.Length == 0)
        {
            return $"has an empty '{name}'";
        }

        return name switch
        {
            "time" when !IsTimestamp(text) => $"has a 'time' that is not an RFC 3339 timestamp ('{text}')",
            "datacontenttype" when !MediaType().IsMatch(text) => $"has a 'datacontenttype' that is not an RFC 2046 media type ('{text}')",
            "dataschema" when !Uri.TryCreate(text, UriKind.Absolute, out _) => "has a 'dataschema' that is not an absolute URI",
            _ => null,
        };
    }

    private static string? ExtensionValueProblem(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => null,
        JsonValueKind.Number when value.TryGetInt32(out _) => null,
        JsonValueKind.Number => "is a number that is not a 32-bit integer",
        _ => $"is a JSON {value.ValueKind.ToString().ToLowerInvariant()}; extension values are strings, booleans or integers",
    };

    /// <summary>RFC 3339 <c>date-time</c>: seconds required, fraction optional, <c>Z</c> or a <c>±hh:mm</c> offset within a day.</summary>
    public static bool IsTimestamp(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Timestamp().Match(text);
        if (!match.Success)
        {
            return false;
        }

        if (match.Groups["oh"].Success
            && (int.Parse(match.Groups["oh"].Value, CultureInfo.InvariantCulture) > 23 || int.Parse(match.Groups["om"].Value, CultureInfo.InvariantCulture) > 59))
        {
            return false;
        }

        var local = match.Groups["local"].Value;
        return DateTime.TryParseExact(local, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            || (local.EndsWith(":60", StringComparison.Ordinal)
                && DateTime.TryParseExact(local[..^3] + ":59", "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    [GeneratedRegex("^[a-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionName();

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2})(\.\d{1,9})?([Zz]|[+-](?<oh>\d{2}):(?<om>\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    // type "/" subtype, each an RFC 2045 token, then any "; name=value" parameters.
    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/[!#$%&'*+\-.^_`|~0-9A-Za-z]+(\s*;\s*[!#$%&'*+\-.^_`|~0-9A-Za-z]+=(""[^""]*""|[!#$%&'*+\-.^_`|~0-9A-Za-z]+))*$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaType();
}

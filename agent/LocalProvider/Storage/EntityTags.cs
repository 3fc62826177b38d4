using System.Globalization;

namespace Meshery.Agent.LocalProvider.Storage;

/// <summary>Entity tags made from a row's write counter: <c>"7"</c>.</summary>
public static class EntityTags
{
    public static string From(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Whether an <c>If-Match</c> value admits the stored version (null and <c>*</c> admit any).</summary>
    public static bool Matches(string? ifMatch, long version)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return true;
        }

        foreach (var candidate in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate == "*")
            {
                return true;
            }

            var value = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
            value = value.Trim('"');
            if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed == version)
            {
                return true;
            }
        }

        return false;
    }
}

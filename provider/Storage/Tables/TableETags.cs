namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// Entity tags of the hosted stores: the ETag Table storage gives each entity
/// (<c>W/"datetime'...'"</c>), passed through as is. An <c>If-Match</c> value is compared with the
/// stored one ignoring the weak prefix; null, blank and <c>*</c> are unconditional.
/// </summary>
public static class TableETags
{
    /// <summary>The tag of a document that has never been written (preferences before the first save).</summary>
    public const string Missing = "\"0\"";

    public static bool IsUnconditional(string? ifMatch) => string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*";

    /// <summary>Whether <paramref name="ifMatch"/> admits the entity tag <paramref name="current"/>.</summary>
    public static bool Matches(string? ifMatch, string current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (IsUnconditional(ifMatch))
        {
            return true;
        }

        var stored = Normalize(current);
        foreach (var candidate in ifMatch!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate == "*" || string.Equals(Normalize(candidate), stored, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string tag)
    {
        var value = tag.Trim();
        return value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
    }
}

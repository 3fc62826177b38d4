using System.Globalization;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// Timestamps as the stores keep them: microsecond precision (so a value read back from JSON compares
/// equal) and, in columns, fixed-width UTC text that sorts and compares as strings for any year
/// (Table storage's own DateTime type starts in 1601, and clients send Go's zero time).
/// </summary>
public static class TableTime
{
    public static DateTimeOffset Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
    }

    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;
}

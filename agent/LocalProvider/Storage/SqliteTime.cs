using System.Globalization;

namespace Meshery.Agent.LocalProvider.Storage;

/// <summary>Timestamps as sortable UTC text, the one format every table uses.</summary>
public static class SqliteTime
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Now, truncated to microseconds so a value read back from JSON compares equal.</summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
    }
}

using System.Globalization;
using System.Text;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// Builds PartitionKey and RowKey values. Table storage forbids <c>/ \ # ?</c> and control characters
/// in keys, so every free-text part is escaped (<c>%XX</c>); ids are written as lower-case
/// <c>D</c>-format GUIDs, which need no escaping. Parts are joined with <see cref="Separator"/>,
/// itself escaped inside a part, so a composite key never becomes ambiguous.
/// </summary>
public static class TableKeys
{
    public const char Separator = '|';

    /// <summary>Longest key kept (1 KiB, counted as UTF-16).</summary>
    public const int MaxLength = 512;

    /// <summary>The tenant's partition: the user id.</summary>
    public static string Tenant(Guid userId) => Id(userId);

    public static string Id(Guid id) => id.ToString("D");

    /// <summary>Parts escaped and joined: <c>Compose("e", envId, connId)</c> = <c>e|{envId}|{connId}</c>.</summary>
    public static string Compose(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var key = string.Join(Separator, parts.Select(Encode));
        return key.Length <= MaxLength
            ? key
            : throw new ArgumentException($"A table key may hold at most {MaxLength} characters.", nameof(parts));
    }

    /// <summary>The key range holding every key that starts with the composed <paramref name="parts"/> and a separator.</summary>
    public static KeyRange Prefix(params string[] parts)
    {
        var prefix = Compose(parts) + Separator;
        return new KeyRange(prefix, prefix[..^1] + (char)(Separator + 1));
    }

    /// <summary>Escapes the characters a key may not hold (and the escape and separator characters).</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length
                && int.TryParse(value.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="key"/> is a value Table storage accepts as a key.</summary>
    public static bool IsValid(string? key) =>
        key is not null && key.Length <= MaxLength && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    /// <summary>Ticks counted down from the end of time, fixed width: newer instants sort first.</summary>
    public static string NewestFirst(DateTimeOffset instant) =>
        (DateTimeOffset.MaxValue.UtcTicks - instant.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The instant a <see cref="NewestFirst"/> value was made from.</summary>
    public static DateTimeOffset FromNewestFirst(string value) =>
        new(DateTimeOffset.MaxValue.UtcTicks - long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero);

    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' or Separator || char.IsControl(c);
}

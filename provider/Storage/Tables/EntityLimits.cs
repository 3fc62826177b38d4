using Azure.Data.Tables;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// The limits of Azure Table storage that the emulator does not enforce, and the size estimate
/// Azure documents for an entity: 4 bytes + 2 per key character + for each property 8 bytes +
/// 2 per name character + the value (string 4 + 2 per char, binary 4 + length, Int32 4,
/// Int64/Double/DateTime 8, Guid 16, Boolean 1). Every entity the stores write is checked here.
/// </summary>
public static class EntityLimits
{
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>Properties per entity, PartitionKey, RowKey and Timestamp included.</summary>
    public const int MaxProperties = 255;

    /// <summary>PartitionKey, RowKey and Timestamp.</summary>
    public const int SystemProperties = 3;

    /// <summary>A string property is at most 64 KiB, measured as UTF-16: 32,768 characters.</summary>
    public const int MaxStringChars = 32 * 1024;

    public const int MaxBinaryBytes = 64 * 1024;

    /// <summary>How much of a document one <c>DocN</c> property holds (under <see cref="MaxStringChars"/>).</summary>
    public const int DocumentPartChars = 32_000;

    /// <summary>An entity whose document would take it past this size keeps the document in a blob.</summary>
    public const int MaxInlineEntityBytes = 900 * 1024;

    public const int MaxBatchOperations = 100;

    public const int MaxBatchBytes = 4 * 1024 * 1024;

    /// <summary>Comparisons one <c>$filter</c> may hold.</summary>
    public const int MaxFilterComparisons = 15;

    /// <summary>Entities one query page returns at most.</summary>
    public const int MaxPageSize = 1000;

    private const int TimestampBytes = 8 + (2 * 9) + 8;

    /// <summary>The entity's size as Azure counts it (the Timestamp it will get included).</summary>
    public static long EstimateSize(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + (2L * ((entity.PartitionKey?.Length ?? 0) + (entity.RowKey?.Length ?? 0))) + TimestampBytes;
        foreach (var (name, value) in UserProperties(entity))
        {
            size += 8 + (2L * name.Length) + ValueSize(value);
        }

        return size;
    }

    /// <summary>Why the entity breaks a limit, or null when it keeps every one.</summary>
    public static string? Violation(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!TableKeys.IsValid(entity.PartitionKey) || !TableKeys.IsValid(entity.RowKey))
        {
            return "a key is missing, too long or holds a character Table storage forbids";
        }

        var count = SystemProperties;
        foreach (var (name, value) in UserProperties(entity))
        {
            count++;
            switch (value)
            {
                case string text when text.Length > MaxStringChars:
                    return $"property '{name}' holds {text.Length} characters (at most {MaxStringChars})";
                case byte[] bytes when bytes.Length > MaxBinaryBytes:
                    return $"property '{name}' holds {bytes.Length} bytes (at most {MaxBinaryBytes})";
                case BinaryData data when data.ToMemory().Length > MaxBinaryBytes:
                    return $"property '{name}' holds {data.ToMemory().Length} bytes (at most {MaxBinaryBytes})";
            }
        }

        if (count > MaxProperties)
        {
            return $"it has {count} properties (at most {MaxProperties})";
        }

        var size = EstimateSize(entity);
        return size > MaxEntityBytes ? $"it takes {size} bytes (at most {MaxEntityBytes})" : null;
    }

    internal static IEnumerable<KeyValuePair<string, object?>> UserProperties(TableEntity entity) =>
        entity.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp") && !p.Key.StartsWith("odata.", StringComparison.Ordinal));

    private static long ValueSize(object? value) => value switch
    {
        null => 0,
        string text => 4 + (2L * text.Length),
        byte[] bytes => 4 + bytes.Length,
        BinaryData data => 4 + data.ToMemory().Length,
        bool => 1,
        int => 4,
        long or double or DateTime or DateTimeOffset => 8,
        Guid => 16,
        _ => 8,
    };
}

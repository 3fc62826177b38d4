using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// Where a document's JSON sits in its entity: split over <c>Doc0..DocN</c> (each at most
/// <see cref="EntityLimits.DocumentPartChars"/> characters, never cutting a surrogate pair) with
/// <c>DocParts</c> = N + 1, or, when too large for the entity, in a blob named by <c>DocBlob</c>.
/// </summary>
public static class DocumentParts
{
    public const string PartsProperty = "DocParts";
    public const string BlobProperty = "DocBlob";
    public const string PartPrefix = "Doc";

    /// <summary>Most parts an entity can hold (1 MiB of UTF-16 text).</summary>
    public static readonly int MaxParts = (EntityLimits.MaxEntityBytes / 2 / EntityLimits.DocumentPartChars) + 1;

    private static readonly string[] PartNames = [.. Enumerable.Range(0, MaxParts).Select(i => PartPrefix + i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The properties a query selects to rebuild documents (and nothing else, e.g. no secrets).</summary>
    public static IReadOnlyList<string> Columns { get; } = [PartsProperty, BlobProperty, .. PartNames];

    public static string PartName(int index) => PartNames[index];

    /// <summary>Cuts <paramref name="json"/> into parts of at most <paramref name="partChars"/> characters.</summary>
    public static IReadOnlyList<string> Split(string json, int partChars = EntityLimits.DocumentPartChars)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentOutOfRangeException.ThrowIfLessThan(partChars, 2);
        var parts = new List<string>(Math.Max(1, (json.Length / partChars) + 1));
        var start = 0;
        do
        {
            var length = Math.Min(partChars, json.Length - start);
            if (start + length < json.Length && char.IsHighSurrogate(json[start + length - 1]))
            {
                length--;
            }

            parts.Add(json.Substring(start, length));
            start += length;
        }
        while (start < json.Length);
        return parts;
    }

    /// <summary>Writes the document inline.</summary>
    public static void WriteInline(TableEntity entity, string json)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var parts = Split(json);
        if (parts.Count > MaxParts)
        {
            throw new ArgumentException($"A document of {json.Length} characters does not fit in one entity; keep it in a blob.", nameof(json));
        }

        entity[PartsProperty] = parts.Count;
        for (var i = 0; i < parts.Count; i++)
        {
            entity[PartName(i)] = parts[i];
        }
    }

    /// <summary>Points the entity at a blob holding the document.</summary>
    public static void WriteBlob(TableEntity entity, string blobName)
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity[BlobProperty] = blobName;
    }

    /// <summary>The blob holding the document, or null when it is inline.</summary>
    public static string? BlobOf(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.TryGetValue(BlobProperty, out var value) && value is string { Length: > 0 } name ? name : null;
    }

    /// <summary>The inline document, or null when the entity has none.</summary>
    public static string? ReadInline(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!entity.TryGetValue(PartsProperty, out var countValue) || countValue is null)
        {
            return null;
        }

        var count = Convert.ToInt32(countValue, CultureInfo.InvariantCulture);
        if (count == 1)
        {
            return entity.GetString(PartName(0));
        }

        var builder = new StringBuilder(count * EntityLimits.DocumentPartChars);
        for (var i = 0; i < count; i++)
        {
            builder.Append(entity.GetString(PartName(i)));
        }

        return builder.ToString();
    }
}

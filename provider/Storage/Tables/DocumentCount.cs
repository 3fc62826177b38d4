using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// How many documents one partition of a counted table holds, in total and per value of the
/// table's <see cref="DocumentTableDefinition{T}.CountsBy"/> column. Kept in the partition's own
/// row <see cref="Row"/>, which sorts before every document key, and changed in the same batch as
/// the documents, so it is always exact. <see cref="ByValue"/> is null when the values are not
/// kept (the table counts by no column, or they outgrew one string property).
/// </summary>
public sealed record DocumentCount(int Total, ImmutableDictionary<string, int>? ByValue)
{
    /// <summary>The count row's RowKey: below <see cref="KeyRange.All"/>, and the first row of the partition.</summary>
    public const string Row = "!count";

    public const string TotalProperty = "Total";

    /// <summary>The per-value counts as a JSON object; absent when they are not kept.</summary>
    public const string ByValueProperty = "ByValue";

    /// <summary>Longest <see cref="ByValueProperty"/> kept (under the 32,768-character string limit); beyond it values are no longer counted.</summary>
    public const int MaxByValueChars = 30_000;

    /// <summary>The properties to <c>$select</c> to read a count row.</summary>
    public static IReadOnlyList<string> Columns { get; } = [TotalProperty, ByValueProperty];

    /// <summary>An empty partition's count; <paramref name="byValue"/> says whether values are counted.</summary>
    public static DocumentCount Empty(bool byValue) => new(0, byValue ? ImmutableDictionary.Create<string, int>(StringComparer.Ordinal) : null);

    /// <summary>The count of documents whose column holds <paramref name="value"/>, or null when values are not kept.</summary>
    public int? CountOf(string value) => ByValue is null ? null : ByValue.GetValueOrDefault(value);

    /// <summary>One document more; <paramref name="value"/> is its column's value.</summary>
    public DocumentCount Added(string? value) => new(Total + 1, Shift(ByValue, value, +1));

    /// <summary>One document fewer; <paramref name="value"/> is its column's value.</summary>
    public DocumentCount Removed(string? value) => new(Math.Max(0, Total - 1), Shift(ByValue, value, -1));

    /// <summary>A document's column changed from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public DocumentCount Moved(string? from, string? to) => new(Total, Shift(Shift(ByValue, from, -1), to, +1));

    /// <summary>The count of <paramref name="rows"/>, each holding <paramref name="column"/> (when values are counted).</summary>
    public static DocumentCount Of(IEnumerable<TableEntity> rows, string? column)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var count = Empty(column is not null);
        foreach (var row in rows)
        {
            count = count.Added(column is null ? null : row.GetString(column));
        }

        return count;
    }

    /// <summary>Reads a count row; values are kept only when <paramref name="byValue"/> and the row holds them.</summary>
    public static DocumentCount FromEntity(TableEntity entity, bool byValue)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var total = entity.GetInt32(TotalProperty) ?? 0;
        if (!byValue || entity.GetString(ByValueProperty) is not { } json)
        {
            return new DocumentCount(total, null);
        }

        var values = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                values[name] = reader.GetInt32();
            }
        }

        return new DocumentCount(total, values.ToImmutable());
    }

    /// <summary>The count row of <paramref name="partition"/>; values that no longer fit in one property are dropped for good.</summary>
    public TableEntity ToEntity(string partition)
    {
        var entity = new TableEntity(partition, Row) { [TotalProperty] = Total };
        if (ByValue is not null)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var (value, count) in ByValue.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WriteNumber(value, count);
                }

                writer.WriteEndObject();
            }

            var json = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            if (json.Length <= MaxByValueChars)
            {
                entity[ByValueProperty] = json;
            }
        }

        return entity;
    }

    private static ImmutableDictionary<string, int>? Shift(ImmutableDictionary<string, int>? counts, string? value, int delta)
    {
        if (counts is null || value is null)
        {
            return counts;
        }

        var next = counts.GetValueOrDefault(value) + delta;
        return next > 0 ? counts.SetItem(value, next) : counts.Remove(value);
    }
}

namespace Meshery.Provider.Storage.Tables;

/// <summary>Conditions on string columns, AND-ed; values within one list are OR-ed.</summary>
public sealed class TableConditions
{
    private readonly List<TableCondition> _items = [];

    public IReadOnlyList<TableCondition> Items => _items;

    public TableConditions Equal(string property, string? value)
    {
        if (value is not null)
        {
            _items.Add(new(property, $"{property} eq {StorageTable.Literal(value)}", 1, v => string.Equals(v, value, StringComparison.Ordinal)) { EqualTo = value });
        }

        return this;
    }

    /// <summary>The column equals one of <paramref name="values"/>; no condition when there are none.</summary>
    public TableConditions AnyOf(string property, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var distinct = values.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length > 0)
        {
            var set = distinct.ToHashSet(StringComparer.Ordinal);
            var filter = string.Join(" or ", distinct.Select(v => $"{property} eq {StorageTable.Literal(v)}"));
            _items.Add(new(property, filter, distinct.Length, v => v is not null && set.Contains(v)));
        }

        return this;
    }

    /// <summary>The column compares with <paramref name="value"/> as text: <c>ge</c>, <c>gt</c>, <c>le</c> or <c>lt</c>.</summary>
    public TableConditions Compare(string property, string op, string? value)
    {
        if (value is null)
        {
            return this;
        }

        Func<int, bool> accept = op switch
        {
            "ge" => c => c >= 0,
            "gt" => c => c > 0,
            "le" => c => c <= 0,
            "lt" => c => c < 0,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Use ge, gt, le or lt."),
        };
        _items.Add(new(property, $"{property} {op} {StorageTable.Literal(value)}", 1, v => v is not null && accept(string.CompareOrdinal(v, value))));
        return this;
    }
}

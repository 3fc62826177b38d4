using System.Text.Json.Serialization.Metadata;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// How one kind of document maps onto its table: the JSON type, the columns written beside the
/// document (what filters, sorting and search read without loading documents), the columns
/// <c>search</c> looks in, and the entity's name in messages. A table that <see cref="KeepsCount"/>
/// keeps a <see cref="DocumentCount"/> row per partition, changed in the same batch as each document
/// written or deleted, so a list's first page and its total come from one query.
/// </summary>
public sealed record DocumentTableDefinition<T>(
    string Table,
    string EntityName,
    JsonTypeInfo<T> TypeInfo,
    IReadOnlyList<TableColumn<T>> Columns,
    IReadOnlyList<string> SearchColumns)
{
    /// <summary>Whether each partition keeps a <see cref="DocumentCount"/> row (only for tables keyed by id over <see cref="KeyRange.All"/>).</summary>
    public bool KeepsCount { get; init; }

    /// <summary>The column whose values the count row also counts (a list filtered by one value then knows its total).</summary>
    public string? CountsBy { get; init; }

    /// <summary>The contract's <c>order</c> names this table sorts by (snake_case).</summary>
    public IReadOnlyList<string> OrderNames { get; } = [.. Columns.Where(c => c.OrderName is not null).Select(c => c.OrderName!)];

    /// <summary>The column sorted on for a contract <c>order</c> name.</summary>
    public string? PropertyOf(string orderName) =>
        Columns.FirstOrDefault(c => string.Equals(c.OrderName, orderName, StringComparison.OrdinalIgnoreCase))?.Property;
}

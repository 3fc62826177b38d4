using System.Text.Json.Serialization.Metadata;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// How one kind of document maps onto its table: the JSON type, the columns written beside the
/// document (what filters, sorting and search read without loading documents), the columns
/// <c>search</c> looks in, and the entity's name in messages.
/// </summary>
public sealed record DocumentTableDefinition<T>(
    string Table,
    string EntityName,
    JsonTypeInfo<T> TypeInfo,
    IReadOnlyList<TableColumn<T>> Columns,
    IReadOnlyList<string> SearchColumns)
{
    /// <summary>The contract's <c>order</c> names this table sorts by (snake_case).</summary>
    public IReadOnlyList<string> OrderNames { get; } = [.. Columns.Where(c => c.OrderName is not null).Select(c => c.OrderName!)];

    /// <summary>The column sorted on for a contract <c>order</c> name.</summary>
    public string? PropertyOf(string orderName) =>
        Columns.FirstOrDefault(c => string.Equals(c.OrderName, orderName, StringComparison.OrdinalIgnoreCase))?.Property;
}

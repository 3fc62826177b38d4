namespace Meshery.ExtensionPoints.Paging;

/// <summary>
/// An <c>order</c> value parsed against the columns a list allows: <c>"name asc"</c>,
/// <c>"updatedAt desc"</c> or <c>"updated_at"</c>. Unknown columns fall back to the default.
/// </summary>
public readonly record struct ListOrder(string Column, bool Descending)
{
    public static ListOrder Parse(string? order, IReadOnlyCollection<string> allowedColumns, ListOrder fallback)
    {
        ArgumentNullException.ThrowIfNull(allowedColumns);
        if (string.IsNullOrWhiteSpace(order))
        {
            return fallback;
        }

        var parts = order.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var column = Json.SnakeCaseAliases.ToSnakeCase(parts[0]);
        if (!allowedColumns.Contains(column, StringComparer.OrdinalIgnoreCase))
        {
            return fallback;
        }

        var descending = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
        return new ListOrder(column.ToLowerInvariant(), descending);
    }
}

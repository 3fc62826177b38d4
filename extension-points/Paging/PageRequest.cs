namespace Meshery.ExtensionPoints.Paging;

/// <summary>
/// A page of a list as Meshery asks for it: zero-based <c>page</c>, <c>pagesize</c>, a free-text
/// <c>search</c> and an <c>order</c> such as <c>"updated_at desc"</c>.
/// </summary>
public sealed record PageRequest
{
    public const int DefaultPageSize = 25;

    public int Page { get; set; }

    public int PageSize { get; set; } = DefaultPageSize;

    public string? Search { get; set; }

    public string? Order { get; set; }

    public int Offset => checked(Page * PageSize);
}

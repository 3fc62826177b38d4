using Meshery.ExtensionPoints.Paging;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// A list over one key range of one partition. <see cref="DefaultOrder"/> is what an absent
/// <c>order</c> means (null: key order); <see cref="KeyOrder"/> is the order key order already
/// gives (events: newest first), so asking for it still pages server-side.
/// </summary>
public sealed record TableListRequest(string Partition, KeyRange Range, PageRequest Page)
{
    public TableConditions Conditions { get; init; } = new();

    /// <summary>Only these RowKeys (an environment's connections); forces the projection path.</summary>
    public IReadOnlySet<string>? RowKeys { get; init; }

    /// <summary>
    /// Columns to read for every entity of the key range, matching or not (<see cref="TablePage{T}.Scanned"/>),
    /// for counts over the whole list taken from the same scan as the page; forces the projection path.
    /// </summary>
    public IReadOnlyList<string>? TallyColumns { get; init; }

    public ListOrder? DefaultOrder { get; init; }

    public ListOrder? KeyOrder { get; init; }
}

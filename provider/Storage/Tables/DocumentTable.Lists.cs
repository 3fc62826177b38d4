using Azure.Data.Tables;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Provider.Storage.Tables;

public sealed partial class DocumentTable<T>
{
    private static readonly ListOrder NoOrder = new("\0", false);

    /// <summary>Pages shorter than this read their documents by point reads (no window query).</summary>
    private const int MinWindowRows = 4;

    /// <summary>
    /// One page of a list. Without <c>search</c>, without filters beyond the comparison budget and in
    /// key order, it pages server-side (<see cref="StorageTable.ReadRangeAsync"/>) and counts with a
    /// RowKey-only query. Otherwise Table storage cannot do the work: a projection of the needed
    /// columns over the key range is read, filtered, searched and sorted here, and only the page's
    /// documents are read, by point reads.
    /// </summary>
    public async Task<TablePage<T>> ListAsync(TableListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = request.Page;
        if (page.PageSize is < 1 or > PagingLimits.MaxPageSize)
        {
            throw ProviderException.Invalid($"'pagesize' must be between 1 and {PagingLimits.MaxPageSize}.");
        }

        if (page.Page is < 0 or > PagingLimits.MaxPage)
        {
            throw ProviderException.Invalid($"'page' must be between 0 and {PagingLimits.MaxPage}.");
        }

        if (page.Search is { Length: > PagingLimits.MaxSearchLength })
        {
            throw ProviderException.Invalid($"'search' is longer than {PagingLimits.MaxSearchLength} characters.");
        }

        var order = ResolveOrder(request);
        var tally = request.TallyColumns is not null;
        var (filter, clientSide) = tally ? (StorageTable.RangeFilter(request.Partition, request.Range), request.Conditions.Items) : BuildFilter(request);
        var search = page.Search?.Trim();
        var byKey = !tally && string.IsNullOrEmpty(search) && clientSide.Count == 0 && request.RowKeys is null && (order is null || order == request.KeyOrder);
        if (!byKey)
        {
            var comparisons = 3 + request.Conditions.Items.Except(clientSide).Sum(c => c.Comparisons);
            return await ListByProjectionAsync(request, filter, comparisons, clientSide, search, order == request.KeyOrder ? null : order, cancellationToken);
        }

        return CountRowKnowsTotal(request)
            ? await ListWithCountRowAsync(request, filter, cancellationToken)
            : await ListByKeyAsync(request.Partition, filter, page, cancellationToken);
    }

    /// <summary>The server-side filter (partition, key range and as many conditions as the 15-comparison budget allows) and the conditions left to test here.</summary>
    public static (string Filter, IReadOnlyList<TableCondition> ClientSide) BuildFilter(TableListRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = StorageTable.RangeFilter(request.Partition, request.Range);
        var budget = EntityLimits.MaxFilterComparisons - 3;
        var clientSide = new List<TableCondition>();
        foreach (var condition in request.Conditions.Items)
        {
            if (condition.Comparisons <= budget)
            {
                filter += $" and ({condition.Filter})";
                budget -= condition.Comparisons;
            }
            else
            {
                clientSide.Add(condition);
            }
        }

        return (filter, clientSide);
    }

    private ListOrder? ResolveOrder(TableListRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Page.Order))
        {
            return request.DefaultOrder;
        }

        var parsed = ListOrder.Parse(request.Page.Order, Definition.OrderNames, NoOrder);
        return parsed == NoOrder ? request.DefaultOrder : parsed;
    }

    private async Task<TablePage<T>> ListByKeyAsync(string partition, string filter, PageRequest page, CancellationToken cancellationToken)
    {
        var count = Table.CountAsync(partition, filter, cancellationToken);
        var rows = Table.ReadRangeAsync(partition, filter, page.Offset, page.PageSize, DocumentSelect, cancellationToken);
        await Task.WhenAll(count, rows);
        var items = await DecodeManyAsync(partition, await rows, cancellationToken);
        return new TablePage<T>(items, await count);
    }

    private async Task<TablePage<T>> ListByProjectionAsync(
        TableListRequest request,
        string filter,
        int filterComparisons,
        IReadOnlyList<TableCondition> clientSide,
        string? search,
        ListOrder? order,
        CancellationToken cancellationToken)
    {
        var orderProperty = order is { } o ? Definition.PropertyOf(o.Column) : null;
        var select = new HashSet<string>(StringComparer.Ordinal) { "RowKey" };
        if (orderProperty is not null)
        {
            select.Add(orderProperty);
        }

        if (!string.IsNullOrEmpty(search))
        {
            select.UnionWith(Definition.SearchColumns);
        }

        select.UnionWith(clientSide.Select(c => c.Property));
        select.UnionWith(request.TallyColumns ?? []);
        var rows = await Table.ScanAsync(filter, [.. select], _storage.Options.MaxScanEntities, cancellationToken);
        var matching = rows.Where(row =>
            (request.RowKeys is null || request.RowKeys.Contains(row.RowKey))
            && clientSide.All(c => c.Test(row.GetString(c.Property)))
            && (string.IsNullOrEmpty(search)
                || Definition.SearchColumns.Any(column => row.GetString(column)?.Contains(search, StringComparison.OrdinalIgnoreCase) == true)))
            .ToList();
        var descending = order?.Descending == true;
        matching.Sort((a, b) =>
        {
            if (orderProperty is not null)
            {
                var byValue = CompareNullsFirst(a.GetString(orderProperty), b.GetString(orderProperty));
                if (byValue != 0)
                {
                    return descending ? -byValue : byValue;
                }
            }

            return string.CompareOrdinal(a.RowKey, b.RowKey);
        });
        var pageRows = matching.Skip(request.Page.Offset).Take(request.Page.PageSize).ToArray();
        var items = await ReadPageAsync(request.Partition, filter, filterComparisons, orderProperty ?? "RowKey", pageRows, rows, cancellationToken);
        return new TablePage<T>(items, matching.Count) { Scanned = request.TallyColumns is null ? null : rows };
    }

    /// <summary>
    /// The documents of a sorted page, in page order. The page spans a window of its sort column
    /// (<paramref name="column"/>, RowKey when sorted by key); when the scan shows that few more rows
    /// than the page's fall in that window, one query of the window reads them all, else the page's
    /// rows are read by point reads (ties or a sparse filter would make the window too wide).
    /// </summary>
    private async Task<IReadOnlyList<T>> ReadPageAsync(
        string partition, string filter, int filterComparisons, string column, IReadOnlyList<TableEntity> pageRows, IReadOnlyList<TableEntity> scanned,
        CancellationToken cancellationToken)
    {
        var keys = pageRows.Select(r => r.RowKey).ToArray();
        var values = pageRows.Select(r => column == "RowKey" ? r.RowKey : r.GetString(column)).ToArray();
        if (keys.Length < MinWindowRows || values.Any(v => v is null) || filterComparisons + 2 > EntityLimits.MaxFilterComparisons)
        {
            return await ReadManyAsync(partition, keys, cancellationToken);
        }

        var low = values.Min(StringComparer.Ordinal)!;
        var high = values.Max(StringComparer.Ordinal)!;
        var inWindow = scanned.Count(r => (column == "RowKey" ? r.RowKey : r.GetString(column)) is { } v
            && string.CompareOrdinal(v, low) >= 0 && string.CompareOrdinal(v, high) <= 0);
        if (inWindow > 2 * keys.Length)
        {
            return await ReadManyAsync(partition, keys, cancellationToken);
        }

        var window = $"{filter} and {column} ge {StorageTable.Literal(low)} and {column} le {StorageTable.Literal(high)}";
        var found = await Table.ScanAsync(window, DocumentSelect, _storage.Options.MaxScanEntities, cancellationToken);
        var wanted = keys.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i, StringComparer.Ordinal);
        var inPage = found.Where(e => wanted.ContainsKey(e.RowKey)).OrderBy(e => wanted[e.RowKey]).ToList();
        return await DecodeManyAsync(partition, inPage, cancellationToken);
    }

    private static int CompareNullsFirst(string? a, string? b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : string.CompareOrdinal(a, b);
}

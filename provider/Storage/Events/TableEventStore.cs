using Azure;
using Azure.Data.Tables;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Validation;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Storage.Events;

/// <summary>
/// Events in table <c>events</c>, all in the user's partition: the event at
/// <c>t|{newest-first createdAt}|{eventId}</c>, so key order is Meshery's order (newest first) and
/// lists page server-side, plus a lookup row <c>x|{eventId}</c> pointing at it. Both rows are added
/// in one batch, which is what makes a repeated event (same id) a no-op: the lookup row collides.
/// </summary>
public sealed partial class TableEventStore(TableStorage storage, TimeProvider time) : IEventStore
{
    /// <summary>Most ids one bulk status change or delete may name.</summary>
    public const int MaxBulkIds = 1000;

    public const string TargetProperty = "Target";
    private const string EventTag = "t";
    private const string LookupTag = "x";
    private static readonly string[] TargetOnly = [TargetProperty];
    private static readonly string[] StatusAndSeverity = ["Status", "Severity"];
    private static readonly string[] CategoryAndAction = ["Category", "Action"];
    private static readonly ListOrder NewestFirst = new("created_at", true);

    private readonly DocumentTable<MesheryEvent> _table = new(storage, TableDefinitions.Events);

    public static string EventRow(DateTimeOffset createdAt, Guid id) => TableKeys.Compose(EventTag, TableKeys.NewestFirst(createdAt), TableKeys.Id(id));

    public static string LookupRow(Guid id) => TableKeys.Compose(LookupTag, TableKeys.Id(id));

    public static KeyRange AllEvents { get; } = TableKeys.Prefix(EventTag);

    public async Task<EventPage> ListAsync(ProviderCaller caller, EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var partition = TableKeys.Tenant(caller.UserId);
        var conditions = new TableConditions()
            .AnyOf("Category", query.Category)
            .AnyOf("Action", query.Action)
            .AnyOf("Severity", query.Severity)
            .AnyOf("ActedUpon", query.ActedUpon.Select(a => a.ToString("D")));
        if (!string.IsNullOrEmpty(query.Status))
        {
            conditions.Equal("Status", query.Status);
        }

        var request = new TableListRequest(partition, AllEvents, query.Page) { Conditions = conditions, DefaultOrder = NewestFirst, KeyOrder = NewestFirst };
        var page = _table.ListAsync(request, cancellationToken);
        var counts = CountsAsync(partition, cancellationToken);
        await Task.WhenAll(page, counts);
        var result = await page;
        var (readCount, bySeverity) = await counts;
        return new EventPage(result.Items, query.Page.Page, query.Page.PageSize, result.Total, readCount, bySeverity);
    }

    public async Task<MesheryEvent?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var key = await FindAsync(TableKeys.Tenant(caller.UserId), id, cancellationToken);
        return key is null ? null : (await _table.GetAsync(key.Value, cancellationToken))?.Value;
    }

    public async Task<MesheryEvent> CreateAsync(ProviderCaller caller, MesheryEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(@event);
        var now = TableTime.Now(time);
        var created = ContractRules.NewEvent(caller, @event, now);
        var partition = TableKeys.Tenant(caller.UserId);
        var row = EventRow(created.CreatedAt ?? now, created.Id);
        var encoded = await _table.EncodeAsync(new DocumentKey(partition, row, created.Id), new(created), cancellationToken);
        var lookup = new TableEntity(partition, LookupRow(created.Id)) { [TargetProperty] = row };
        try
        {
            await _table.SubmitAsync(
                encoded,
                [new(TableTransactionActionType.Add, lookup), new(TableTransactionActionType.Add, encoded.Entity)],
                null,
                cancellationToken);
            return created;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Events are delivered at least once; a repeat of a stored event is not an error.
            return await GetAsync(caller, created.Id, cancellationToken)
                ?? throw new ProviderException(ProviderErrorKind.Conflict, $"Event '{created.Id}' is being deleted; send it again.", ex);
        }
    }

    public async Task<IReadOnlyList<EventType>> ListTypesAsync(ProviderCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var rows = await _table.Table.ScanAsync(
            StorageTable.RangeFilter(TableKeys.Tenant(caller.UserId), AllEvents), CategoryAndAction, storage.Options.MaxScanEntities, cancellationToken);
        return
        [
            .. rows.Select(r => new EventType(r.GetString("Category") ?? "", r.GetString("Action") ?? ""))
                .Distinct()
                .OrderBy(t => t.Category, StringComparer.Ordinal)
                .ThenBy(t => t.Action, StringComparer.Ordinal),
        ];
    }

    private async Task<(int Read, IReadOnlyList<SeverityCount> Unread)> CountsAsync(string partition, CancellationToken cancellationToken)
    {
        var rows = await _table.Table.ScanAsync(StorageTable.RangeFilter(partition, AllEvents), StatusAndSeverity, storage.Options.MaxScanEntities, cancellationToken);
        var read = 0;
        var unread = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.GetString("Status") == EventStatuses.Read)
            {
                read++;
            }
            else if (row.GetString("Severity") is { } severity)
            {
                unread[severity] = unread.GetValueOrDefault(severity) + 1;
            }
        }

        IReadOnlyList<SeverityCount> bySeverity = [.. EventSeverities.All.Where(unread.ContainsKey).Select(s => new SeverityCount(s, unread[s]))];
        return (read, bySeverity);
    }

    private async Task<DocumentKey?> FindAsync(string partition, Guid id, CancellationToken cancellationToken)
    {
        var lookup = await _table.Table.GetAsync(partition, LookupRow(id), TargetOnly, cancellationToken);
        return lookup?.GetString(TargetProperty) is { } row ? new DocumentKey(partition, row, id) : null;
    }
}

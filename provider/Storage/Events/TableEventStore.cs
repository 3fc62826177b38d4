using Azure.Data.Tables;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Validation;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Storage.Events;

/// <summary>
/// Events in table <c>events</c>, one row each in the user's partition, keyed by the event id: a
/// POST is one insert, a repeated event (same id) collides with the stored one and is left as it
/// was, and status changes and deletes are point operations. Key order is not Meshery's order
/// (newest first), so a list reads one projection of the partition, which also gives its
/// <c>readCount</c> and <c>countBySeverityLevel</c>, sorts it here and reads the page's documents.
/// </summary>
public sealed partial class TableEventStore(TableStorage storage, TimeProvider time) : IEventStore
{
    /// <summary>Most ids one bulk status change or delete may name.</summary>
    public const int MaxBulkIds = 1000;

    private static readonly string[] StatusAndSeverity = ["Status", "Severity"];
    private static readonly string[] CategoryAndAction = ["Category", "Action"];
    private static readonly ListOrder NewestFirst = new("created_at", true);

    private readonly DocumentTable<MesheryEvent> _table = new(storage, TableDefinitions.Events);

    /// <summary>The event's RowKey: its id.</summary>
    public static string EventRow(Guid id) => TableKeys.Id(id);

    /// <summary>Every event row: ids are lower-case hex, so rows of any other shape (the earlier layout's <c>t|</c> and <c>x|</c> rows) fall outside.</summary>
    public static KeyRange AllEvents { get; } = new("0", "g");

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

        var request = new TableListRequest(partition, AllEvents, query.Page)
        {
            Conditions = conditions,
            DefaultOrder = NewestFirst,
            TallyColumns = StatusAndSeverity,
        };
        var result = await _table.ListAsync(request, cancellationToken);
        var (readCount, bySeverity) = Counts(result.Scanned ?? []);
        return new EventPage(result.Items, query.Page.Page, query.Page.PageSize, result.Total, readCount, bySeverity);
    }

    public async Task<MesheryEvent?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return (await _table.GetAsync(KeyOf(caller, id), cancellationToken))?.Value;
    }

    public async Task<MesheryEvent> CreateAsync(ProviderCaller caller, MesheryEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(@event);
        var created = ContractRules.NewEvent(caller, @event, TableTime.Now(time));
        try
        {
            await _table.InsertAsync(KeyOf(caller, created.Id), new(created), cancellationToken);
            return created;
        }
        catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.Conflict)
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

    private static (int Read, IReadOnlyList<SeverityCount> Unread) Counts(IReadOnlyList<TableEntity> rows)
    {
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

    private static DocumentKey KeyOf(ProviderCaller caller, Guid id) => new(TableKeys.Tenant(caller.UserId), EventRow(id), id);
}

using Azure;
using Azure.Data.Tables;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Validation;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Storage.Performance;

/// <summary>
/// Performance results in table <c>performanceresults</c>, all in the user's partition:
/// the result at <c>r|{profileId}|{newest-first test start}|{resultId}</c>, so one profile's results
/// are one key range already in Meshery's order (newest test first), and a lookup row
/// <c>x|{resultId}</c> pointing at it for reads by result id. Both rows are written in one batch.
/// </summary>
public sealed class TablePerformanceResultStore(TableStorage storage, TimeProvider time) : IPerformanceResultStore
{
    public const string TargetProperty = "Target";
    private const string ResultTag = "r";
    private const string LookupTag = "x";
    private const int ResultsPerBatch = EntityLimits.MaxBatchOperations / 2;
    private static readonly string[] RowKeyOnly = ["RowKey"];
    private static readonly string[] RowKeyAndBlob = ["RowKey", DocumentParts.BlobProperty];
    private static readonly string[] TargetOnly = [TargetProperty];
    private static readonly ListOrder NewestTestFirst = new("test_start_time", true);

    private readonly DocumentTable<PerformanceResult> _table = new(storage, TableDefinitions.PerformanceResults);
    private readonly StorageTable _profiles = storage.Table(TableNames.PerformanceProfiles);

    public static string ResultRow(Guid profileId, DateTimeOffset testStartTime, Guid resultId) =>
        TableKeys.Compose(ResultTag, TableKeys.Id(profileId), TableKeys.NewestFirst(testStartTime), TableKeys.Id(resultId));

    public static string LookupRow(Guid resultId) => TableKeys.Compose(LookupTag, TableKeys.Id(resultId));

    public static KeyRange ProfileRange(Guid profileId) => TableKeys.Prefix(ResultTag, TableKeys.Id(profileId));

    public static KeyRange AllResults { get; } = TableKeys.Prefix(ResultTag);

    public async Task<PerformanceResultPage> ListAsync(ProviderCaller caller, PerformanceResultQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var partition = TableKeys.Tenant(caller.UserId);
        TableListRequest request;
        if (query.ProfileId is { } profileId)
        {
            // From and to narrow the key range itself: newer-first ticks put 'to' at the low end.
            var range = ProfileRange(profileId);
            var prefix = range.From;
            var from = query.To is { } to ? prefix + TableKeys.NewestFirst(to) : range.From;
            var upTo = query.From is { } start ? prefix + TableKeys.NewestFirst(start) + (char)(TableKeys.Separator + 1) : range.To;
            request = new TableListRequest(partition, new KeyRange(from, upTo), query.Page) { DefaultOrder = NewestTestFirst, KeyOrder = NewestTestFirst };
        }
        else
        {
            var conditions = new TableConditions()
                .Compare("TestStartTime", "ge", TableTime.Format(query.From))
                .Compare("TestStartTime", "le", TableTime.Format(query.To));
            request = new TableListRequest(partition, AllResults, query.Page) { Conditions = conditions, DefaultOrder = NewestTestFirst };
        }

        var result = await _table.ListAsync(request, cancellationToken);
        return new PerformanceResultPage(query.Page.Page, query.Page.PageSize, result.Total, result.Items);
    }

    public async Task<PerformanceResult?> GetAsync(ProviderCaller caller, Guid resultId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var key = await FindAsync(caller, resultId, cancellationToken);
        return key is null ? null : (await _table.GetAsync(key.Value, cancellationToken))?.Value;
    }

    public async Task<Guid> CreateAsync(ProviderCaller caller, Guid profileId, PerformanceResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(result);
        var partition = TableKeys.Tenant(caller.UserId);
        if (await _profiles.GetAsync(partition, TableKeys.Id(profileId), RowKeyOnly, cancellationToken) is null)
        {
            throw ProviderException.NotFound("Performance profile", profileId);
        }

        var now = TableTime.Now(time);
        var created = result with
        {
            MesheryId = ContractValidation.NewIdIfEmpty(result.MesheryId),
            Name = string.IsNullOrWhiteSpace(result.Name) ? $"result {now:yyyy-MM-dd HH:mm:ss}" : result.Name.Trim(),
            PerformanceProfile = profileId,
            Owner = caller.UserId,
            TestStartTime = result.TestStartTime ?? now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var row = ResultRow(profileId, created.TestStartTime.Value, created.MesheryId);
        var encoded = await _table.EncodeAsync(new DocumentKey(partition, row, created.MesheryId), new(created), cancellationToken);
        var lookup = new TableEntity(partition, LookupRow(created.MesheryId)) { [TargetProperty] = row };
        try
        {
            await _table.SubmitAsync(
                encoded,
                [new(TableTransactionActionType.Add, lookup), new(TableTransactionActionType.Add, encoded.Entity)],
                null,
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new ProviderException(ProviderErrorKind.Conflict, $"Performance result '{created.MesheryId}' already exists.", ex);
        }

        return created.MesheryId;
    }

    public async Task SaveMetricsAsync(ProviderCaller caller, PerformanceResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(result);
        var key = await FindAsync(caller, result.MesheryId, cancellationToken)
            ?? throw ProviderException.NotFound("Performance result", result.MesheryId);
        var now = TableTime.Now(time);
        await _table.UpdateAsync(
            key,
            current => new(current.Value with
            {
                ServerMetrics = result.ServerMetrics ?? current.Value.ServerMetrics,
                ServerBoardConfig = result.ServerBoardConfig ?? current.Value.ServerBoardConfig,
                UpdatedAt = now,
            }),
            null,
            cancellationToken);
    }

    /// <summary>How many results each profile has and when its newest test started, from the keys alone.</summary>
    public async Task<IReadOnlyDictionary<Guid, (int Count, DateTimeOffset Last)>> StatisticsAsync(
        string partition, Guid? profileId, CancellationToken cancellationToken)
    {
        var range = profileId is { } id ? ProfileRange(id) : AllResults;
        var rows = await _table.Table.ScanAsync(StorageTable.RangeFilter(partition, range), RowKeyOnly, storage.Options.MaxScanEntities, cancellationToken);
        var statistics = new Dictionary<Guid, (int Count, DateTimeOffset Last)>();
        foreach (var row in rows)
        {
            var parts = row.RowKey.Split(TableKeys.Separator);
            var profile = Guid.Parse(parts[1]);
            var started = TableKeys.FromNewestFirst(parts[2]);
            statistics[profile] = statistics.TryGetValue(profile, out var seen)
                ? (seen.Count + 1, seen.Last > started ? seen.Last : started)
                : (1, started);
        }

        return statistics;
    }

    /// <summary>Deletes every result of a deleted profile (rows in batches, then their blobs).</summary>
    public async Task DeleteProfileResultsAsync(string partition, Guid profileId, CancellationToken cancellationToken)
    {
        var rows = await _table.Table.ScanAsync(
            StorageTable.RangeFilter(partition, ProfileRange(profileId)), RowKeyAndBlob, storage.Options.MaxScanEntities, cancellationToken);
        foreach (var chunk in rows.Chunk(ResultsPerBatch))
        {
            var actions = chunk.SelectMany(r => new[]
            {
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, r.RowKey), ETag.All),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, LookupRow(ResultIdOf(r.RowKey))), ETag.All),
            }).ToArray();
            try
            {
                await _table.Table.SubmitAsync(actions, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                foreach (var action in actions)
                {
                    await _table.Table.DeleteAsync(partition, action.Entity.RowKey, ETag.All, cancellationToken);
                }
            }

            foreach (var row in chunk)
            {
                await _table.DeleteBlobAsync(DocumentParts.BlobOf(row));
            }
        }
    }

    private async Task<DocumentKey?> FindAsync(ProviderCaller caller, Guid resultId, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Tenant(caller.UserId);
        var lookup = await _table.Table.GetAsync(partition, LookupRow(resultId), TargetOnly, cancellationToken);
        return lookup?.GetString(TargetProperty) is { } row ? new DocumentKey(partition, row, resultId) : null;
    }

    private static Guid ResultIdOf(string row) => Guid.Parse(row.AsSpan(row.LastIndexOf(TableKeys.Separator) + 1));
}

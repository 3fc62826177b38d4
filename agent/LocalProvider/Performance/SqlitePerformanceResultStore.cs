using Meshery.Agent.LocalProvider.Storage;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Validation;

namespace Meshery.Agent.LocalProvider.Performance;

/// <summary>Performance results in SQLite, each under the profile it ran from.</summary>
public sealed class SqlitePerformanceResultStore(LocalDatabase database, TimeProvider time) : IPerformanceResultStore
{
    private readonly DocumentTable<PerformanceResult> _table = new(database, LocalTables.PerformanceResults);
    private readonly DocumentTable<PerformanceProfile> _profiles = new(database, LocalTables.PerformanceProfiles);

    public async Task<PerformanceResultPage> ListAsync(ProviderCaller caller, PerformanceResultQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var filter = new SqlFilter();
        if (query.ProfileId is { } profileId)
        {
            filter.Where("profile_id = $profile", ("$profile", profileId.ToString("D")));
        }

        if (query.From is { } from)
        {
            filter.Where("test_start_time >= $from", ("$from", SqliteTime.Format(from)));
        }

        if (query.To is { } to)
        {
            filter.Where("test_start_time <= $to", ("$to", SqliteTime.Format(to)));
        }

        var (items, total) = await _table.ListAsync(caller.UserId, query.Page, filter, cancellationToken);
        return new PerformanceResultPage(query.Page.Page, query.Page.PageSize, total, items);
    }

    public async Task<PerformanceResult?> GetAsync(ProviderCaller caller, Guid resultId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return (await _table.GetAsync(caller.UserId, resultId, cancellationToken))?.Value;
    }

    public Task<Guid> CreateAsync(ProviderCaller caller, Guid profileId, PerformanceResult result, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            ArgumentNullException.ThrowIfNull(caller);
            ArgumentNullException.ThrowIfNull(result);
            var now = SqliteTime.Now(time);
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            _ = await _profiles.ReadAsync(connection, transaction, caller.UserId, profileId, cancellationToken)
                ?? throw ProviderException.NotFound("Performance profile", profileId);
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
            await _table.InsertAsync(connection, transaction, caller.UserId, created.MesheryId, created, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return created.MesheryId;
        });

    public async Task SaveMetricsAsync(ProviderCaller caller, PerformanceResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(result);
        var now = SqliteTime.Now(time);
        await _table.UpdateAsync(
            caller.UserId,
            result.MesheryId,
            current => current with
            {
                ServerMetrics = result.ServerMetrics ?? current.ServerMetrics,
                ServerBoardConfig = result.ServerBoardConfig ?? current.ServerBoardConfig,
                UpdatedAt = now,
            },
            null,
            now,
            cancellationToken);
    }
}

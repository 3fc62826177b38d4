using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Validation;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Storage.Performance;

/// <summary>
/// Performance profiles in table <c>performanceprofiles</c> (PartitionKey = user id, RowKey = profile
/// id). <c>totalResults</c> and <c>lastRun</c> are computed on read from the result keys; deleting a
/// profile deletes its results after it.
/// </summary>
public sealed class TablePerformanceProfileStore(TableStorage storage, TablePerformanceResultStore results, TimeProvider time) : IPerformanceProfileStore
{
    private readonly DocumentTable<PerformanceProfile> _table = new(storage, TableDefinitions.PerformanceProfiles);

    public async Task<PerformanceProfilePage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var partition = TableKeys.Tenant(caller.UserId);
        var list = _table.ListAsync(new TableListRequest(partition, KeyRange.All, page), cancellationToken);
        var statistics = results.StatisticsAsync(partition, null, cancellationToken);
        await Task.WhenAll(list, statistics);
        var result = await list;
        var counted = result.Items.Select(p => WithStatistics(p, statistics.Result)).ToArray();
        return new PerformanceProfilePage(page.Page, page.PageSize, result.Total, counted);
    }

    public async Task<Stored<PerformanceProfile>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var partition = TableKeys.Tenant(caller.UserId);
        var stored = _table.GetAsync(KeyOf(caller, id), cancellationToken);
        var statistics = results.StatisticsAsync(partition, id, cancellationToken);
        await Task.WhenAll(stored, statistics);
        return (await stored) is { } found ? found with { Value = WithStatistics(found.Value, statistics.Result) } : null;
    }

    public async Task<Stored<PerformanceProfile>> SaveAsync(
        ProviderCaller caller, PerformanceProfile profile, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(profile);
        Validate(profile);
        var now = TableTime.Now(time);
        var id = ContractValidation.NewIdIfEmpty(profile.Id);
        var key = KeyOf(caller, id);
        var mayExist = profile.Id != Guid.Empty;
        while (true)
        {
            if (mayExist)
            {
                try
                {
                    return await _table.UpdateAsync(
                        key,
                        current => new(profile with
                        {
                            Name = profile.Name.Trim(),
                            Owner = caller.UserId,
                            CreatedAt = current.Value.CreatedAt,
                            LastRun = profile.LastRun ?? current.Value.LastRun,
                            UpdatedAt = now,
                        }),
                        ifMatch,
                        cancellationToken);
                }
                catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.NotFound)
                {
                }
            }

            var created = profile with { Id = id, Name = profile.Name.Trim(), Owner = caller.UserId, TotalResults = 0, CreatedAt = now, UpdatedAt = now };
            try
            {
                return await _table.InsertAsync(key, new(created), cancellationToken);
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.Conflict && mayExist)
            {
                // Created meanwhile: update it instead.
            }
        }
    }

    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await _table.DeleteAsync(KeyOf(caller, id), cancellationToken) is null)
        {
            return false;
        }

        await results.DeleteProfileResultsAsync(TableKeys.Tenant(caller.UserId), id, cancellationToken);
        return true;
    }

    private static PerformanceProfile WithStatistics(PerformanceProfile profile, IReadOnlyDictionary<Guid, (int Count, DateTimeOffset Last)> statistics) =>
        statistics.TryGetValue(profile.Id, out var entry)
            ? profile with { TotalResults = entry.Count, LastRun = entry.Last }
            : profile with { TotalResults = 0 };

    private static void Validate(PerformanceProfile profile)
    {
        ContractValidation.RequireName(profile.Name);
        if (profile.ConcurrentRequest < 0 || profile.Qps < 0)
        {
            throw ProviderException.Invalid("'concurrentRequest' and 'qps' cannot be negative.");
        }

        if (profile.Endpoints.Any(e => !Uri.TryCreate(e, UriKind.Absolute, out _)))
        {
            throw ProviderException.Invalid("Every entry of 'endpoints' must be an absolute URL.");
        }
    }

    private static DocumentKey KeyOf(ProviderCaller caller, Guid id) => new(TableKeys.Tenant(caller.UserId), TableKeys.Id(id), id);
}

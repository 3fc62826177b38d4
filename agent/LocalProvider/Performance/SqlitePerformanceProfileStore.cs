using Meshery.Agent.LocalProvider.Storage;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Validation;

namespace Meshery.Agent.LocalProvider.Performance;

/// <summary>Performance profiles in SQLite; deleting one deletes its results (foreign key cascade).</summary>
public sealed class SqlitePerformanceProfileStore(LocalDatabase database, TimeProvider time) : IPerformanceProfileStore
{
    private readonly DocumentTable<PerformanceProfile> _table = new(database, LocalTables.PerformanceProfiles);

    public async Task<PerformanceProfilePage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var (items, total) = await _table.ListAsync(caller.UserId, page, null, cancellationToken);
        var counted = await WithResultCountsAsync(caller, items, cancellationToken);
        return new PerformanceProfilePage(page.Page, page.PageSize, total, counted);
    }

    public async Task<Stored<PerformanceProfile>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var stored = await _table.GetAsync(caller.UserId, id, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var counted = await WithResultCountsAsync(caller, [stored.Value], cancellationToken);
        return stored with { Value = counted[0] };
    }

    public async Task<Stored<PerformanceProfile>> SaveAsync(
        ProviderCaller caller, PerformanceProfile profile, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(profile);
        Validate(profile);
        var now = SqliteTime.Now(time);
        if (profile.Id != Guid.Empty && await _table.GetAsync(caller.UserId, profile.Id, cancellationToken) is not null)
        {
            return await _table.UpdateAsync(
                caller.UserId,
                profile.Id,
                current => profile with
                {
                    Name = profile.Name.Trim(),
                    Owner = caller.UserId,
                    CreatedAt = current.CreatedAt,
                    LastRun = profile.LastRun ?? current.LastRun,
                    UpdatedAt = now,
                },
                ifMatch,
                now,
                cancellationToken);
        }

        var created = profile with
        {
            Id = ContractValidation.NewIdIfEmpty(profile.Id),
            Name = profile.Name.Trim(),
            Owner = caller.UserId,
            TotalResults = 0,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await _table.InsertAsync(caller.UserId, created.Id, created, now, cancellationToken);
    }

    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await _table.DeleteAsync(caller.UserId, id, cancellationToken) is not null;
    }

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

    private Task<List<PerformanceProfile>> WithResultCountsAsync(
        ProviderCaller caller, IReadOnlyList<PerformanceProfile> profiles, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            var result = new List<PerformanceProfile>(profiles.Count);
            if (profiles.Count == 0)
            {
                return result;
            }

            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT profile_id, COUNT(*), MAX(test_start_time) FROM performance_results
                WHERE owner = $owner AND profile_id IS NOT NULL GROUP BY profile_id;
                """;
            command.Parameters.AddWithValue("$owner", caller.UserId.ToString("D"));
            var counts = new Dictionary<string, (int Count, string? Last)>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    counts[reader.GetString(0)] = (reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2));
                }
            }

            foreach (var profile in profiles)
            {
                if (counts.TryGetValue(profile.Id.ToString("D"), out var entry))
                {
                    var last = entry.Last is null ? profile.LastRun : DateTimeOffset.Parse(entry.Last, System.Globalization.CultureInfo.InvariantCulture);
                    result.Add(profile with { TotalResults = entry.Count, LastRun = last });
                }
                else
                {
                    result.Add(profile with { TotalResults = 0 });
                }
            }

            return result;
        });
}

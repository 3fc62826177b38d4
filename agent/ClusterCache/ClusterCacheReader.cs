using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Meshery.Agent.ClusterCache;

/// <summary>
/// Reads the cache on pooled read connections (WAL: never blocked by the writer). Totals by cluster, kind and
/// namespace and the summary come from the writer's <see cref="ResourceCounts"/>, not from <c>COUNT(*)</c>.
/// </summary>
public sealed class ClusterCacheReader(ClusterCacheDatabase database, ResourceCounts counts)
{
    public Task<ResourcePage> ListAsync(ResourceQuery query, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            ArgumentNullException.ThrowIfNull(query);
            await using var connection = await database.OpenReaderAsync(cancellationToken);
            await using var list = connection.CreateCommand();
            var where = Where(query, list);
            var total = CountFromTotals(query);
            if (total is null)
            {
                await using var count = connection.CreateCommand();
                Where(query, count);
                count.CommandText = "SELECT COUNT(*) FROM resources r" + where;
                total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            // rowid breaks ties: every index ends with it, so the order is read from the index, never sorted.
            list.CommandText = "SELECT r.object FROM resources r" + where + " ORDER BY r.kind, r.namespace, r.name, r.rowid LIMIT $limit OFFSET $offset";
            list.Parameters.AddWithValue("$limit", query.PageSize);
            list.Parameters.AddWithValue("$offset", (long)query.Page * query.PageSize);
            var items = new List<RawJson>(Math.Min(query.PageSize, Math.Max(0, total.Value)));
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new RawJson((byte[])reader.GetValue(0)));
            }

            return new ResourcePage(query.Page, query.PageSize, total.Value, items);
        });

    /// <summary>Every cached id with its resourceVersion (optionally of one cluster), for comparing with a cluster.</summary>
    public Task<IReadOnlyDictionary<string, string>> VersionsAsync(string? clusterId, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            await using var connection = await database.OpenReaderAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = clusterId is null
                ? "SELECT id, resource_version FROM resources"
                : "SELECT id, resource_version FROM resources WHERE cluster_id = $cluster";
            command.Parameters.AddWithValue("$cluster", (object?)clusterId ?? DBNull.Value);
            var versions = new Dictionary<string, string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                versions[reader.GetString(0)] = reader.GetString(1);
            }

            return (IReadOnlyDictionary<string, string>)versions;
        });

    public Task<ResourceSummary> SummaryAsync(string? clusterId, CancellationToken cancellationToken) =>
        counts.Summary(clusterId) is { } summary ? Task.FromResult(summary) : SummaryFromTableAsync(clusterId, cancellationToken);

    private int? CountFromTotals(ResourceQuery query) =>
        string.IsNullOrEmpty(query.Name) && string.IsNullOrEmpty(query.Search) && query.Labels.Count == 0
            ? counts.Count(NullIfEmpty(query.ClusterId), NullIfEmpty(query.Kind), query.Namespace)
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private Task<ResourceSummary> SummaryFromTableAsync(string? clusterId, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            await using var connection = await database.OpenReaderAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = clusterId is null
                ? "SELECT cluster_id, kind, COUNT(*) FROM resources GROUP BY cluster_id, kind ORDER BY cluster_id, kind"
                : "SELECT cluster_id, kind, COUNT(*) FROM resources WHERE cluster_id = $cluster GROUP BY cluster_id, kind ORDER BY kind";
            command.Parameters.AddWithValue("$cluster", (object?)clusterId ?? DBNull.Value);
            var clusters = new List<ClusterResourceCount>();
            var total = 0;
            string? current = null;
            var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var cluster = reader.GetString(0);
                if (current is not null && cluster != current)
                {
                    clusters.Add(new ClusterResourceCount(current, kinds.Values.Sum(), kinds));
                    kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
                }

                current = cluster;
                var n = reader.GetInt32(2);
                kinds[reader.GetString(1)] = n;
                total += n;
            }

            if (current is not null)
            {
                clusters.Add(new ClusterResourceCount(current, kinds.Values.Sum(), kinds));
            }

            return new ResourceSummary(total, clusters);
        });

    private static string Where(ResourceQuery query, SqliteCommand command)
    {
        var sql = new StringBuilder();
        void Add(string clause, string name, object value)
        {
            sql.Append(sql.Length == 0 ? " WHERE " : " AND ").Append(clause);
            command.Parameters.AddWithValue(name, value);
        }

        if (!string.IsNullOrEmpty(query.ClusterId))
        {
            Add("r.cluster_id = $cluster", "$cluster", query.ClusterId);
        }

        if (!string.IsNullOrEmpty(query.Kind))
        {
            Add("r.kind = $kind", "$kind", query.Kind);
        }

        if (query.Namespace is not null)
        {
            Add("r.namespace = $ns", "$ns", query.Namespace);
        }

        if (!string.IsNullOrEmpty(query.Name))
        {
            Add("r.name = $name", "$name", query.Name);
        }

        if (!string.IsNullOrEmpty(query.Search))
        {
            Add("r.name LIKE $search ESCAPE '\\'", "$search", "%" + query.Search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        }

        for (var i = 0; i < query.Labels.Count; i++)
        {
            var (key, value) = query.Labels[i];
            var k = "$lk" + i.ToString(CultureInfo.InvariantCulture);
            var v = "$lv" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(sql.Length == 0 ? " WHERE " : " AND ")
                .Append(CultureInfo.InvariantCulture, $"EXISTS (SELECT 1 FROM resource_labels l WHERE l.resource_rowid = r.rowid AND l.key = {k} AND l.value = {v})");
            command.Parameters.AddWithValue(k, key);
            command.Parameters.AddWithValue(v, value);
        }

        return sql.ToString();
    }
}

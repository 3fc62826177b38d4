using System.Diagnostics;
using Meshery.Agent.ClusterCache;
using Microsoft.Data.Sqlite;

namespace Meshery.Benchmarks.ClusterSync;

/// <summary>The baseline: the same rows inserted straight into the cache's schema, 500 per transaction, prepared statements.</summary>
public static class RawInsertBaseline
{
    public static double ObjectsPerSecond(string path, IReadOnlyList<ResourceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " + ClusterCacheSchema.Create(1);
            setup.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO resources (id, cluster_id, kind, api_version, namespace, name, resource_version, rv_num, sync_gen, object)
            VALUES ($id, $cluster, $kind, $api, $ns, $name, $rv, $rvnum, 1, $object) RETURNING rowid;
            """;
        foreach (var name in new[] { "$id", "$cluster", "$kind", "$api", "$ns", "$name", "$rv", "$rvnum", "$object" })
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        using var label = connection.CreateCommand();
        label.CommandText = ClusterCacheSchema.InsertLabel;
        foreach (var name in new[] { "$row", "$key", "$value" })
        {
            label.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows.Count; start += 500)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            label.Transaction = transaction;
            foreach (var row in rows.Skip(start).Take(500))
            {
                var p = insert.Parameters;
                p[0].Value = row.Id;
                p[1].Value = row.ClusterId;
                p[2].Value = row.Kind;
                p[3].Value = row.ApiVersion;
                p[4].Value = row.Namespace;
                p[5].Value = row.Name;
                p[6].Value = row.ResourceVersion;
                p[7].Value = row.ResourceVersionNumber;
                p[8].Value = row.Object;
                var rowId = (long)insert.ExecuteScalar()!;
                foreach (var (key, value) in row.Labels)
                {
                    label.Parameters[0].Value = rowId;
                    label.Parameters[1].Value = key;
                    label.Parameters[2].Value = value;
                    label.ExecuteNonQuery();
                }
            }

            transaction.Commit();
        }

        return rows.Count / clock.Elapsed.TotalSeconds;
    }
}

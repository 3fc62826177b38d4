using System.Globalization;

namespace Meshery.Agent.ClusterCache;

/// <summary>The cache's tables: one row per resource (the object's JSON as received) and its labels for filtering.</summary>
public static class ClusterCacheSchema
{
    public static string Create(int version) => string.Create(CultureInfo.InvariantCulture, $"""
        DROP TABLE IF EXISTS resource_labels;
        DROP TABLE IF EXISTS resources;
        CREATE TABLE resources (
            id TEXT NOT NULL UNIQUE,
            cluster_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            api_version TEXT NOT NULL,
            namespace TEXT NOT NULL,
            name TEXT NOT NULL,
            resource_version TEXT NOT NULL,
            rv_num INTEGER NOT NULL,
            sync_gen INTEGER NOT NULL,
            object BLOB NOT NULL,
            created INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX ix_resources_cluster ON resources (cluster_id, kind, namespace, name);
        CREATE INDEX ix_resources_kind ON resources (kind, namespace, name);
        CREATE TABLE resource_labels (
            resource_rowid INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL
        );
        CREATE INDEX ix_resource_labels_row ON resource_labels (resource_rowid);
        CREATE INDEX ix_resource_labels_kv ON resource_labels (key, value);
        PRAGMA user_version = {version};
        """);

    /// <summary>
    /// Insert or replace; for store answers (<c>$store</c> = 1) the columns change only when the answer is
    /// not older than what is cached, but the row is always marked as seen by this generation.
    /// Returns the row, whether its resourceVersion is ours after the statement (labels follow when it is)
    /// and whether the statement inserted it (<c>created</c> is 1 only on the insert), for the counts.
    /// </summary>
    public const string Upsert = """
        INSERT INTO resources (id, cluster_id, kind, api_version, namespace, name, resource_version, rv_num, sync_gen, object)
        VALUES ($id, $cluster, $kind, $api, $ns, $name, $rv, $rvnum, $gen, $object)
        ON CONFLICT (id) DO UPDATE SET
            created = 0,
            sync_gen = max(resources.sync_gen, excluded.sync_gen),
            cluster_id = iif($store = 0 OR excluded.rv_num < 0 OR resources.rv_num < 0 OR excluded.rv_num >= resources.rv_num, excluded.cluster_id, resources.cluster_id),
            kind = iif($store = 0 OR excluded.rv_num < 0 OR resources.rv_num < 0 OR excluded.rv_num >= resources.rv_num, excluded.kind, resources.kind),
            api_version = iif($store = 0 OR excluded.rv_num < 0 OR resources.rv_num < 0 OR excluded.rv_num >= resources.rv_num, excluded.api_version, resources.api_version),
            namespace = iif($store = 0 OR excluded.rv_num < 0 OR resources.rv_num < 0 OR excluded.rv_num >= resources.rv_num, excluded.namespace, resources.namespace),
            name = iif($store = 0 OR excluded.rv_num < 0 OR resources.rv_num < 0 OR excluded.rv_num >= resources.rv_num, excluded.name, resources.name),
            resource_version = iif($store = 0 OR excluded.rv_num < 0 OR resources.rv_num < 0 OR excluded.rv_num >= resources.rv_num, excluded.resource_version, resources.resource_version),
            rv_num = iif($store = 0 OR excluded.rv_num < 0 OR resources.rv_num < 0 OR excluded.rv_num >= resources.rv_num, excluded.rv_num, resources.rv_num),
            object = iif($store = 0 OR excluded.rv_num < 0 OR resources.rv_num < 0 OR excluded.rv_num >= resources.rv_num, excluded.object, resources.object)
        RETURNING rowid, resource_version = $rv, created;
        """;

    public const string DeleteLabels = "DELETE FROM resource_labels WHERE resource_rowid = $row;";

    public const string InsertLabel = "INSERT INTO resource_labels (resource_rowid, key, value) VALUES ($row, $key, $value);";

    public const string Delete = "DELETE FROM resources WHERE id = $id RETURNING rowid, cluster_id, kind, namespace;";

    /// <summary>Rows per cluster, kind and namespace (walks the covering index), to load <see cref="ResourceCounts"/>.</summary>
    public const string Counts = "SELECT cluster_id, kind, namespace, COUNT(*) FROM resources GROUP BY cluster_id, kind, namespace;";

    public const string SweepLabels = """
        DELETE FROM resource_labels WHERE resource_rowid IN
            (SELECT rowid FROM resources WHERE cluster_id = $cluster AND sync_gen < $gen);
        """;

    public const string Sweep = """
        DELETE FROM resources WHERE cluster_id = $cluster AND sync_gen < $gen
        RETURNING id, kind, api_version, namespace, name, resource_version;
        """;
}

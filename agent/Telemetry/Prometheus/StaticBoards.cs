using System.Text.Json.Nodes;

namespace Meshery.Agent.Telemetry.Prometheus;

/// <summary>
/// The boards Meshery offers for any Prometheus without importing one: the cluster (kubelet/cAdvisor and
/// kube-state-metrics series) and one group of panels per node-exporter instance. Built as Grafana dashboard models so
/// they pass through the same reading as an imported board.
/// </summary>
public static class StaticBoards
{
    public static JsonObject Cluster() => Dashboard(
        "Kubernetes cluster",
        [
            Panel(1, "CPU used (cores)", "short", "sum(rate(container_cpu_usage_seconds_total{container!=\"\"}[5m]))"),
            Panel(2, "Memory working set", "bytes", "sum(container_memory_working_set_bytes{container!=\"\"})"),
            Panel(3, "Pods running", "short", "sum(kube_pod_status_phase{phase=\"Running\"})"),
            Panel(4, "Network received", "Bps", "sum(rate(container_network_receive_bytes_total[5m]))"),
            Panel(5, "Network sent", "Bps", "sum(rate(container_network_transmit_bytes_total[5m]))"),
            Panel(6, "Containers restarted (1 h)", "short", "sum(increase(kube_pod_container_status_restarts_total[1h]))"),
        ]);

    /// <summary>CPU, memory, load and disk panels for each node-exporter <paramref name="instances"/> (none: an empty board).</summary>
    public static JsonObject Nodes(IReadOnlyList<string> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var panels = new List<JsonObject>(instances.Count * 4);
        var id = 1;
        foreach (var instance in instances)
        {
            var selector = $"{{instance=\"{instance.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"}}";
            var idle = $"node_cpu_seconds_total{{mode=\"idle\",{selector[1..]}";
            panels.Add(Panel(id++, $"{instance}: CPU busy", "percent", $"100 * (1 - avg(rate({idle}[5m])))"));
            panels.Add(Panel(id++, $"{instance}: memory used", "bytes", $"node_memory_MemTotal_bytes{selector} - node_memory_MemAvailable_bytes{selector}"));
            panels.Add(Panel(id++, $"{instance}: load (1 m)", "short", $"node_load1{selector}"));
            panels.Add(Panel(id++, $"{instance}: disk read and written", "Bps", $"sum(rate(node_disk_read_bytes_total{selector}[5m])) + sum(rate(node_disk_written_bytes_total{selector}[5m]))"));
        }

        return Dashboard("Kubernetes nodes", panels);
    }

    private static JsonObject Dashboard(string title, IReadOnlyList<JsonObject> panels)
    {
        var list = new JsonArray();
        for (var i = 0; i < panels.Count; i++)
        {
            panels[i]["gridPos"] = new JsonObject { ["h"] = 8, ["w"] = 12, ["x"] = i % 2 * 12, ["y"] = i / 2 * 8 };
            list.Add(panels[i]);
        }

        return new JsonObject
        {
            ["title"] = title,
            ["uid"] = "meshery-" + Boards.BoardSlug.Of(title),
            ["templating"] = new JsonObject { ["list"] = new JsonArray() },
            ["panels"] = list,
        };
    }

    private static JsonObject Panel(int id, string title, string unit, string expression) => new()
    {
        ["id"] = id,
        ["type"] = "timeseries",
        ["title"] = title,
        ["datasource"] = "Prometheus",
        ["fieldConfig"] = new JsonObject { ["defaults"] = new JsonObject { ["unit"] = unit } },
        ["targets"] = new JsonArray(new JsonObject { ["refId"] = "A", ["expr"] = expression }),
    };
}

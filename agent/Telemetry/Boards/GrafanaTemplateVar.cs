using System.Text.Json.Nodes;

namespace Meshery.Agent.Telemetry.Boards;

/// <summary>A dashboard's query variable (upstream <c>GrafanaTemplateVars</c>): its query, data source and current value.</summary>
public sealed record GrafanaTemplateVar
{
    public string? Name { get; set; }

    public string? Query { get; set; }

    public GrafanaDataSource? Datasource { get; set; }

    /// <summary>Grafana's <c>hide</c> (0 shown, 1 label hidden, 2 hidden); left out when 0.</summary>
    public int? Hide { get; set; }

    /// <summary>The variable's current text: a string, or a list for multi-value variables.</summary>
    public JsonNode? Value { get; set; }
}

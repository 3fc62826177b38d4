using System.Text.Json.Nodes;

namespace Meshery.Agent.Telemetry.Boards;

/// <summary>
/// A Grafana dashboard as Meshery shapes it (server/models/grafana.go <c>GrafanaBoard</c>): its identity, the panels
/// Meshery can chart (Grafana's own panel JSON, text/table/row panels left out, rows flattened) and its query variables.
/// Empty members are left out, as upstream's <c>omitempty</c> does.
/// </summary>
public sealed record GrafanaBoard
{
    public string? Uri { get; set; }

    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Uid { get; set; }

    public long? OrgId { get; set; }

    public List<JsonObject>? Panels { get; set; }

    public List<GrafanaTemplateVar>? TemplateVars { get; set; }
}

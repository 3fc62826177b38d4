namespace Meshery.Agent.Telemetry.Boards;

/// <summary>A data source a variable queries (upstream <c>GrafanaDataSource</c>); the id is known only for boards read from Grafana.</summary>
public sealed record GrafanaDataSource
{
    public long? Id { get; set; }

    public string? Name { get; set; }
}

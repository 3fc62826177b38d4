namespace Meshery.Agent.Telemetry.Grafana;

/// <summary>A Grafana data source found by name or uid.</summary>
public sealed record GrafanaDataSourceRef(long Id, string Name);

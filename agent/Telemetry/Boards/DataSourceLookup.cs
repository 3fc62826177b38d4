using Meshery.Agent.Telemetry.Grafana;

namespace Meshery.Agent.Telemetry.Boards;

/// <summary>Finds a data source by name or uid (<paramref name="byUid"/>) at the Grafana a board came from.</summary>
public delegate Task<GrafanaDataSourceRef?> DataSourceLookup(string nameOrUid, bool byUid, CancellationToken cancellationToken);

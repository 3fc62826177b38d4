using Meshery.ExtensionPoints.Connections;

namespace Meshery.Agent.Telemetry;

/// <summary>A caller's stored Grafana or Prometheus connection and the server it points at.</summary>
public sealed record TelemetryTarget(Connection Connection, TelemetryServer Server);

using Meshery.ExtensionPoints.Connections;

namespace Meshery.Agent.Telemetry;

/// <summary>The saved connection, or the failed test that kept it from being saved.</summary>
public sealed record ConnectOutcome(Connection? Connection, TelemetryProbeResult Probe);

using Meshery.ExtensionPoints.Connections;

namespace Meshery.Agent.Telemetry;

/// <summary>The outcome of one connectivity test: what the server said about itself, or why it failed.</summary>
public sealed record TelemetryProbeResult(UpstreamFailure? Failure, string Reason, string? Version = null, long? OrgId = null)
{
    public bool Connected => Failure is null;

    /// <summary>The connection status the test leads to.</summary>
    public string Status => Connected ? ConnectionStatuses.Connected : ConnectionStatuses.Disconnected;

    public static TelemetryProbeResult Ok(string reason, string? version = null, long? orgId = null) => new(null, reason, version, orgId);

    public static TelemetryProbeResult Failed(UpstreamException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(failure.Failure, failure.Message);
    }
}

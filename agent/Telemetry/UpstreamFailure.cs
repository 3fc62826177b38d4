namespace Meshery.Agent.Telemetry;

/// <summary>Why a call to a Grafana or Prometheus server gave no usable answer.</summary>
public enum UpstreamFailure
{
    /// <summary>No connection (refused, DNS, TLS).</summary>
    Unreachable,

    /// <summary>No answer within <see cref="TelemetryOptions.RequestTimeout"/>.</summary>
    TimedOut,

    /// <summary>401 or 403: the key or password is wrong or lacks the permission.</summary>
    Rejected,

    /// <summary>The server answered with another error status.</summary>
    ErrorStatus,

    /// <summary>The answer is larger than <see cref="TelemetryOptions.MaxResponseBytes"/>.</summary>
    TooLarge,

    /// <summary>The answer is not what the API promises (not JSON, missing fields).</summary>
    Malformed,
}

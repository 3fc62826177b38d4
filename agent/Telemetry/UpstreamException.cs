namespace Meshery.Agent.Telemetry;

/// <summary>A call to a Grafana or Prometheus server failed; the message is safe to show (no secret in it).</summary>
public sealed class UpstreamException : Exception
{
    public UpstreamException()
    {
    }

    public UpstreamException(string message)
        : base(message)
    {
    }

    public UpstreamException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UpstreamException(UpstreamFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public UpstreamFailure Failure { get; }
}

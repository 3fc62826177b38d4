namespace Meshery.Agent.Telemetry;

/// <summary>Where a Grafana or Prometheus server is and the secret it is called with (never logged).</summary>
public sealed record TelemetryServer(Uri BaseUrl, string? Secret)
{
    /// <summary>The base URL with a trailing slash, so relative paths resolve under it (a Grafana served at a sub-path).</summary>
    public Uri Root { get; } = BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");

    /// <summary>The URL as messages show it (and as connection metadata keeps it).</summary>
    public override string ToString() => TelemetryUrl.Text(BaseUrl);
}

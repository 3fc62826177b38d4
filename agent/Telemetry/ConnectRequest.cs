namespace Meshery.Agent.Telemetry;

/// <summary>What a user enters to connect a Grafana or Prometheus server (the URL already checked).</summary>
public sealed record ConnectRequest(Uri Url, string? Secret, string? ConnectionName, string? CredentialName);

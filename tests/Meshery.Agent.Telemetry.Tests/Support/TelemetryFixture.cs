namespace Meshery.Agent.Telemetry.Tests.Support;

/// <summary>One agent, one Grafana and one Prometheus per test class; tests keep apart by the connections they make.</summary>
public sealed class TelemetryFixture : IAsyncLifetime
{
    public TelemetryAgent Agent { get; private set; } = null!;

    public GrafanaStandIn Grafana { get; private set; } = null!;

    /// <summary>A Prometheus that wants a bearer token.</summary>
    public PrometheusStandIn Prometheus { get; private set; } = null!;

    public string GrafanaKey { get; } = "glsa_" + Guid.NewGuid().ToString("N");

    public string PrometheusToken { get; } = "prom-" + Guid.NewGuid().ToString("N");

    public async ValueTask InitializeAsync()
    {
        Grafana = GrafanaStandIn.Start(GrafanaKey);
        Prometheus = PrometheusStandIn.Start("Bearer " + PrometheusToken);
        Agent = await TelemetryAgent.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Agent is not null)
        {
            await Agent.DisposeAsync();
        }

        Grafana?.Dispose();
        Prometheus?.Dispose();
    }
}

using System.Text;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.Telemetry.Tests.Support;
using Meshery.ExtensionPoints.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Agent.Telemetry.Tests.Prometheus;

/// <summary>The ongoing check: a Prometheus with metrics configured in a dashboard follows its server going away and coming back.</summary>
public sealed class PrometheusMonitorTests : IAsyncLifetime
{
    private TelemetryAgent _agent = null!;
    private PrometheusStandIn _prometheus = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _prometheus = PrometheusStandIn.Start();
        _agent = await TelemetryAgent.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        _prometheus.Dispose();
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Status_follows_the_server_going_away_and_coming_back_once_boards_are_selected()
    {
        var watched = await ConnectAsync("watched");
        var idle = await ConnectAsync("no-boards");
        using var selected = await _agent.Client.PostAsync(
            new Uri($"/api/telemetry/metrics/boards/{watched}", UriKind.Relative),
            new StringContent("""[{"board":{"title":"Kubernetes cluster"},"panels":[{"id":1}]}]""", Encoding.UTF8, "application/json"),
            Ct);
        Assert.True(selected.IsSuccessStatusCode, await selected.Content.ReadAsStringAsync(Ct));

        _prometheus.Stop();
        var gone = await StatusBecomesAsync(watched, "disconnected");
        Assert.Contains("cannot be reached", (string?)gone.Metadata!["reason"], StringComparison.Ordinal);
        Assert.Equal("connected", (await ConnectionAsync(idle)).Status);

        _prometheus.Restart();
        var back = await StatusBecomesAsync(watched, "connected");
        Assert.Contains("answered", (string?)back.Metadata!["reason"], StringComparison.Ordinal);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_connection_the_user_disconnected_is_left_alone()
    {
        var id = await ConnectAsync("user-disconnected");
        using var selected = await _agent.Client.PostAsync(
            new Uri($"/api/telemetry/metrics/boards/{id}", UriKind.Relative), new StringContent("""[{"board":{"title":"b"}}]""", Encoding.UTF8, "application/json"), Ct);
        var store = _agent.Services.GetRequiredService<IConnectionStore>();
        await store.UpdateAsync(LocalUser.Caller, id, new ConnectionPayload { Status = ConnectionStatuses.Disconnected }, null, Ct);

        // Several intervals pass (the check of another, monitored connection sees the server answer each time) ...
        var other = await ConnectAsync("monitored");
        using var boards = await _agent.Client.PostAsync(
            new Uri($"/api/telemetry/metrics/boards/{other}", UriKind.Relative), new StringContent("""[{"board":{"title":"b"}}]""", Encoding.UTF8, "application/json"), Ct);
        var before = _prometheus.Requests("/api/v1/status/buildinfo").Count;
        await Eventually.HoldsAsync(() => Task.FromResult(_prometheus.Requests("/api/v1/status/buildinfo").Count), n => n >= before + 3, "three more checks", Ct);

        // ... and the user's choice stands.
        Assert.Equal("disconnected", (await ConnectionAsync(id)).Status);
    }

    private async Task<Guid> ConnectAsync(string name)
    {
        var connection = await _agent.ConnectOkAsync(
            "/api/telemetry/metrics/config", new Dictionary<string, string> { ["prometheusURL"] = _prometheus.Url, ["prometheusConnectionName"] = name }, Ct);
        return Guid.Parse((string)connection["id"]!);
    }

    private async Task<Connection> ConnectionAsync(Guid id) =>
        (await _agent.Services.GetRequiredService<IConnectionStore>().GetAsync(LocalUser.Caller, id, Ct))!.Value;

    private Task<Connection> StatusBecomesAsync(Guid id, string status) =>
        Eventually.HoldsAsync(() => ConnectionAsync(id), c => c.Status == status, TestLimits.StatusChange, c => $"{c.Status}: {c.Metadata?["reason"]}", Ct);
}

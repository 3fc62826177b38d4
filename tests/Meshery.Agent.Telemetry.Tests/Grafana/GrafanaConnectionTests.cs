using System.Net;
using System.Text.Json.Nodes;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.Telemetry.Tests.Support;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.Testing.Network;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Agent.Telemetry.Tests.Grafana;

/// <summary>Connecting Grafana as Meshery's UI does: the key tested, kept in a credential, the connection's status recorded.</summary>
public sealed class GrafanaConnectionTests(TelemetryFixture fixture) : IClassFixture<TelemetryFixture>
{
    private const string Config = "/api/telemetry/metrics/grafana/config";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TelemetryAgent Agent => fixture.Agent;

    [Fact(Timeout = TestLimits.Test)]
    public async Task Connect_tests_the_key_and_saves_a_connected_connection_whose_key_is_only_in_its_credential()
    {
        var name = "grafana-" + Guid.NewGuid().ToString("N")[..8];
        var connection = await ConnectAsync(name, fixture.GrafanaKey);

        Assert.Equal("grafana", (string?)connection["kind"]);
        Assert.Equal("observability", (string?)connection["type"]);
        Assert.Equal("monitoring", (string?)connection["subType"]);
        Assert.Equal("connected", (string?)connection["status"]);
        Assert.Equal(name, (string?)connection["name"]);
        Assert.Equal(fixture.Grafana.Url, (string?)connection["metadata"]!["url"]);
        Assert.Equal("10.4.1", (string?)connection["metadata"]!["version"]);
        Assert.DoesNotContain(fixture.GrafanaKey, connection.ToJsonString(), StringComparison.Ordinal);

        // The ad hoc test called health without the key and the org with it.
        Assert.Contains(fixture.Grafana.Requests("/api/health"), r => r.Authorization is null);
        Assert.Contains(fixture.Grafana.Requests("/api/org"), r => r.Authorization == "Bearer " + fixture.GrafanaKey);

        var credentialId = Guid.Parse((string)connection["credentialId"]!);
        var credential = await Agent.Services.GetRequiredService<ICredentialStore>().GetAsync(LocalUser.Caller, credentialId, Ct);
        Assert.NotNull(credential);
        Assert.Equal("grafana", credential.Value.Type);
        Assert.Equal(name + " key", credential.Value.Name);
        Assert.Equal(fixture.GrafanaKey, (string?)credential.Value.Secret!["secret"]);

        var listed = await Agent.GetJsonAsync(Config + "?pagesize=25", Ct);
        Assert.Contains(listed["connections"]!.AsArray(), c => (string?)c!["id"] == (string?)connection["id"]);
        Assert.All(listed["connections"]!.AsArray(), c => Assert.Equal("grafana", (string?)c!["kind"]));
        Assert.True(Agent.Logs.Mention($"[2801] Connected grafana server {fixture.Grafana.Url}"), "The connection is not in the captured logs.");
        Assert.False(Agent.Logs.Mention(fixture.GrafanaKey), "The Grafana key appears in the agent's logs.");
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_wrong_key_is_refused_with_a_clear_problem_and_nothing_is_saved()
    {
        var name = "wrong-key-" + Guid.NewGuid().ToString("N")[..8];
        var wrongKey = "glsa_wrong_" + Guid.NewGuid().ToString("N");
        using var response = await Agent.ConnectAsync(Config, Form(name, wrongKey), Ct);

        var problem = await TelemetryAgent.AssertProblemAsync(response, 422, "refused the credentials (401", Ct);
        Assert.Contains(fixture.Grafana.Url, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, problem.ToJsonString(), StringComparison.Ordinal);
        var listed = await Agent.GetJsonAsync(Config + "?pagesize=25", Ct);
        Assert.DoesNotContain(listed["connections"]!.AsArray(), c => (string?)c!["name"] == name);
        Assert.False(Agent.Logs.Mention(wrongKey), "The refused key appears in the agent's logs.");
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task An_unreachable_server_is_a_502_problem_naming_it()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        using var response = await Agent.ConnectAsync(Config, new Dictionary<string, string> { ["grafanaURL"] = url, ["grafanaAPIKey"] = "k" }, Ct);

        await TelemetryAgent.AssertProblemAsync(response, 502, $"{url} cannot be reached", Ct);
    }

    [Theory(Timeout = TestLimits.Test)]
    [InlineData("", "grafanaURL' is required")]
    [InlineData("ftp://grafana:3000", "must be an http(s) URL")]
    [InlineData("http://admin:secret@grafana:3000", "must not carry credentials")]
    public async Task A_bad_url_is_a_400_problem(string url, string detail)
    {
        using var response = await Agent.ConnectAsync(Config, new Dictionary<string, string> { ["grafanaURL"] = url, ["grafanaAPIKey"] = "k" }, Ct);

        await TelemetryAgent.AssertProblemAsync(response, 400, detail, Ct);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Grafana_needs_a_key()
    {
        using var response = await Agent.ConnectAsync(Config, new Dictionary<string, string> { ["grafanaURL"] = fixture.Grafana.Url }, Ct);

        await TelemetryAgent.AssertProblemAsync(response, 400, "'grafanaAPIKey' is required", Ct);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Ping_tests_again_and_a_key_grafana_no_longer_accepts_moves_the_connection_to_disconnected()
    {
        // A second Grafana whose key is then revoked (its mappings answer 401 for everything but health).
        using var grafana = GrafanaStandIn.Start("glsa_" + Guid.NewGuid().ToString("N"));
        var connection = await Agent.ConnectOkAsync(Config, Form("revoked", grafana.Key, grafana.Url), Ct);
        var id = (string)connection["id"]!;

        var pong = await Agent.GetJsonAsync($"/api/telemetry/metrics/grafana/ping/{id}", Ct);
        Assert.Equal("{}", pong.ToJsonString());

        grafana.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/api/org").UsingGet()).AtPriority(0)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(401).WithBody("""{"message":"API key revoked"}"""));
        using var refused = await Agent.Client.GetAsync(new Uri($"/api/telemetry/metrics/grafana/ping/{id}", UriKind.Relative), Ct);
        await TelemetryAgent.AssertProblemAsync(refused, 422, "refused the credentials", Ct);

        var stored = await Agent.Services.GetRequiredService<IConnectionStore>().GetAsync(LocalUser.Caller, Guid.Parse(id), Ct);
        Assert.Equal("disconnected", stored!.Value.Status);
        Assert.Contains("refused the credentials", (string?)stored.Value.Metadata!["reason"], StringComparison.Ordinal);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Disconnect_deletes_the_connection_and_its_credential()
    {
        var connection = await ConnectAsync("to-delete", fixture.GrafanaKey);
        var id = Guid.Parse((string)connection["id"]!);
        var credentialId = Guid.Parse((string)connection["credentialId"]!);

        using var deleted = await Agent.Client.DeleteAsync(new Uri($"/api/integrations/connections/{id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        Assert.Null(await Agent.Services.GetRequiredService<IConnectionStore>().GetAsync(LocalUser.Caller, id, Ct));
        Assert.Null(await Agent.Services.GetRequiredService<ICredentialStore>().GetAsync(LocalUser.Caller, credentialId, Ct));
        using var ping = await Agent.Client.GetAsync(new Uri($"/api/telemetry/metrics/grafana/ping/{id}", UriKind.Relative), Ct);
        await TelemetryAgent.AssertProblemAsync(ping, 404, "was not found", Ct);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task The_retired_delete_answers_410_pointing_at_the_connections_api()
    {
        using var response = await Agent.Client.DeleteAsync(new Uri(Config, UriKind.Relative), Ct);

        await TelemetryAgent.AssertProblemAsync(response, 410, "DELETE /api/integrations/connections/", Ct);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_prometheus_connection_id_on_a_grafana_route_is_a_400_problem()
    {
        var prometheus = await Agent.ConnectOkAsync(
            "/api/telemetry/metrics/config",
            new Dictionary<string, string> { ["prometheusURL"] = fixture.Prometheus.Url, ["prometheusKey"] = fixture.PrometheusToken },
            Ct);
        using var response = await Agent.Client.GetAsync(new Uri($"/api/telemetry/metrics/grafana/boards/{prometheus["id"]}", UriKind.Relative), Ct);

        await TelemetryAgent.AssertProblemAsync(response, 400, "is a 'prometheus' connection, not 'grafana'", Ct);
    }

    private async Task<JsonObject> ConnectAsync(string name, string key) => await Agent.ConnectOkAsync(Config, Form(name, key), Ct);

    private Dictionary<string, string> Form(string name, string key, string? url = null) => new()
    {
        ["grafanaURL"] = (url ?? fixture.Grafana.Url) + "/",
        ["grafanaAPIKey"] = key,
        ["grafanaConnectioncName"] = name,
        ["grafanaCredentialName"] = name + " key",
    };
}

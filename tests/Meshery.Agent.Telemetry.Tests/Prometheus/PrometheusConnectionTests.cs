using System.Net;
using System.Text;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.Telemetry.Tests.Support;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Agent.Telemetry.Tests.Prometheus;

/// <summary>Connecting Prometheus (no auth, a bearer token, basic auth) and the queries the agent passes on to it.</summary>
public sealed class PrometheusConnectionTests(TelemetryFixture fixture) : IClassFixture<TelemetryFixture>
{
    private const string Config = "/api/telemetry/metrics/config";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TelemetryAgent Agent => fixture.Agent;

    [Fact(Timeout = TestLimits.Test)]
    public async Task Without_a_key_prometheus_is_connected_without_a_credential()
    {
        using var open = PrometheusStandIn.Start();
        var connection = await Agent.ConnectOkAsync(
            Config, new Dictionary<string, string> { ["prometheusURL"] = open.Url.Replace("http://", "", StringComparison.Ordinal), ["prometheusConnectionName"] = "open" }, Ct);

        Assert.Equal("prometheus", (string?)connection["kind"]);
        Assert.Equal("connected", (string?)connection["status"]);
        Assert.Equal("open", (string?)connection["name"]);
        Assert.Equal(open.Url, (string?)connection["metadata"]!["url"]);
        Assert.Equal("2.53.0", (string?)connection["metadata"]!["version"]);
        Assert.Null(connection["credentialId"]);
        Assert.All(open.Requests("/api/v1/status/buildinfo"), r => Assert.Null(r.Authorization));
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Basic_auth_is_sent_for_a_user_and_password_and_a_wrong_one_is_refused()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        using var secured = PrometheusStandIn.Start("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("meshery:" + password)));

        var connection = await Agent.ConnectOkAsync(Config, new Dictionary<string, string> { ["prometheusURL"] = secured.Url, ["prometheusKey"] = "meshery:" + password }, Ct);
        Assert.Equal("connected", (string?)connection["status"]);

        using var refused = await Agent.ConnectAsync(Config, new Dictionary<string, string> { ["prometheusURL"] = secured.Url, ["prometheusKey"] = "meshery:wrong" }, Ct);
        await TelemetryAgent.AssertProblemAsync(refused, 422, "refused the credentials (401", Ct);
        Assert.False(Agent.Logs.Mention(password), "The password appears in the agent's logs.");
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Queries_are_passed_on_with_the_token_and_the_answer_as_it_came()
    {
        var id = await ConnectSecuredAsync();

        var instant = await Agent.GetJsonAsync($"/api/telemetry/metrics/query/{id}?query={Uri.EscapeDataString("query_result(up)")}", Ct);
        Assert.Equal("api", (string?)instant["data"]!["result"]![0]!["metric"]!["job"]);
        var range = await Agent.GetJsonAsync($"/api/prometheus/query_range/{id}?query=up&start=1700000000&end=1700000600&step=15", Ct);
        Assert.Equal("matrix", (string?)range["data"]!["resultType"]);
        var labels = await Agent.GetJsonAsync($"/api/telemetry/metrics/query/{id}?query=label_values(namespace)", Ct);
        Assert.Equal(2, labels["data"]!.AsArray().Count);

        foreach (var path in (string[])["/api/v1/query", "/api/v1/query_range", "/api/v1/label/namespace/values"])
        {
            Assert.All(fixture.Prometheus.Requests(path), r => Assert.Equal("Bearer " + fixture.PrometheusToken, r.Authorization));
        }

        var rangeQuery = Uri.UnescapeDataString(fixture.Prometheus.Requests("/api/v1/query_range").Last().Query!);
        Assert.Equal("?query=up&start=1700000000&end=1700000600&step=15", rangeQuery);
        Assert.False(Agent.Logs.Mention(fixture.PrometheusToken), "The Prometheus token appears in the agent's logs.");
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task An_answer_over_the_size_limit_is_a_502_problem()
    {
        var id = await ConnectSecuredAsync();

        using var response = await Agent.Client.GetAsync(
            new Uri($"/api/telemetry/metrics/query/{id}?query={Uri.EscapeDataString($"query_result({PrometheusStandIn.BigQuery})")}", UriKind.Relative), Ct);

        await TelemetryAgent.AssertProblemAsync(response, 502, $"larger than the {TelemetryAgent.MaxResponseBytes} byte limit", Ct);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_range_query_without_its_parameters_is_a_400_problem()
    {
        var id = await ConnectSecuredAsync();

        using var response = await Agent.Client.GetAsync(new Uri($"/api/prometheus/query_range/{id}?query=up&start=1", UriKind.Relative), Ct);

        await TelemetryAgent.AssertProblemAsync(response, 400, "'end' parameter is required", Ct);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_grafana_board_is_imported_into_panels()
    {
        var id = await ConnectSecuredAsync();
        const string board = """
            {"title": "Old Layout Board", "slug": "old-layout-board", "uid": "old",
             "templating": {"list": [{"name": "job", "type": "query", "datasource": "Prometheus", "query": "label_values(up, job)", "current": {"text": "api"}}]},
             "rows": [{"panels": [
                {"id": 1, "type": "graph", "title": "Up", "targets": [{"expr": "up{job=\"$job\"}"}]},
                {"id": 2, "type": "text", "title": "Notes"}]}]}
            """;

        using var response = await Agent.Client.PostAsync(
            new Uri($"/api/telemetry/metrics/board_import/{id}", UriKind.Relative), new StringContent(board, Encoding.UTF8, "application/json"), Ct);
        var imported = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Old Layout Board", (string?)imported["title"]);
        Assert.Equal("old-layout-board", (string?)imported["uri"]);
        Assert.Equal("Up", (string?)Assert.Single(imported["panels"]!.AsArray())!["title"]);
        var variable = Assert.Single(imported["templateVars"]!.AsArray())!;
        Assert.Equal("label_values(up, job)", (string?)variable["query"]);
        Assert.Equal("Prometheus", (string?)variable["datasource"]!["name"]);
        Assert.Null(variable["datasource"]!["id"]);

        using var notABoard = await Agent.Client.PostAsync(
            new Uri($"/api/telemetry/metrics/board_import/{id}", UriKind.Relative), new StringContent("""{"title":"x"}""", Encoding.UTF8, "application/json"), Ct);
        await TelemetryAgent.AssertProblemAsync(notABoard, 400, "not a Grafana dashboard", Ct);
        using var tooLarge = await Agent.Client.PostAsync(
            new Uri($"/api/telemetry/metrics/board_import/{id}", UriKind.Relative), new StringContent(new string(' ', 70_000) + "{}", Encoding.UTF8, "application/json"), Ct);
        await TelemetryAgent.AssertProblemAsync(tooLarge, 413, "larger than", Ct);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task The_static_board_has_the_cluster_and_a_panel_group_per_node()
    {
        var id = await ConnectSecuredAsync();

        var boards = await Agent.GetJsonAsync($"/api/telemetry/metrics/static-board/{id}", Ct);

        Assert.NotEmpty(boards["cluster"]!["panels"]!.AsArray());
        var nodePanels = boards["node"]!["panels"]!.AsArray();
        Assert.Equal(8, nodePanels.Count);
        Assert.Contains(nodePanels, p => ((string?)p!["title"])!.StartsWith("10.0.0.2:9100", StringComparison.Ordinal));
        Assert.Contains("node_boot_time_seconds", Uri.UnescapeDataString(fixture.Prometheus.Requests("/api/v1/series").Last().Query!), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Disconnect_deletes_the_connection_and_its_credential()
    {
        var id = Guid.Parse(await ConnectSecuredAsync());
        var connection = await Agent.Services.GetRequiredService<IConnectionStore>().GetAsync(LocalUser.Caller, id, Ct);
        var credentialId = connection!.Value.CredentialId!.Value;

        using var deleted = await Agent.Client.DeleteAsync(new Uri($"/api/integrations/connections/{id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Null(await Agent.Services.GetRequiredService<IConnectionStore>().GetAsync(LocalUser.Caller, id, Ct));
        Assert.Null(await Agent.Services.GetRequiredService<ICredentialStore>().GetAsync(LocalUser.Caller, credentialId, Ct));
    }

    private async Task<string> ConnectSecuredAsync()
    {
        var connection = await Agent.ConnectOkAsync(
            Config, new Dictionary<string, string> { ["prometheusURL"] = fixture.Prometheus.Url, ["prometheusKey"] = fixture.PrometheusToken }, Ct);
        return (string)connection["id"]!;
    }
}

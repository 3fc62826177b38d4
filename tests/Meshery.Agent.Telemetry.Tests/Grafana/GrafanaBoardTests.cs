using System.Text.Json.Nodes;
using Meshery.Agent.Telemetry.Tests.Support;

namespace Meshery.Agent.Telemetry.Tests.Grafana;

/// <summary>Boards read from Grafana and shaped as Meshery server shapes them; queries through Grafana's data source proxy.</summary>
public sealed class GrafanaBoardTests(TelemetryFixture fixture) : IClassFixture<TelemetryFixture>, IAsyncLifetime
{
    private string _id = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TelemetryAgent Agent => fixture.Agent;

    public async ValueTask InitializeAsync()
    {
        var connection = await Agent.ConnectOkAsync(
            "/api/telemetry/metrics/grafana/config",
            new Dictionary<string, string> { ["grafanaURL"] = fixture.Grafana.Url, ["grafanaAPIKey"] = fixture.GrafanaKey },
            Ct);
        _id = (string)connection["id"]!;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact(Timeout = TestLimits.Test)]
    public async Task Boards_are_the_dashboards_with_chartable_panels_and_query_variables()
    {
        var boards = (await Agent.GetJsonAsync($"/api/telemetry/metrics/grafana/boards/{_id}?dashboardSearch=mesh", Ct)).AsArray();

        var board = Assert.Single(boards)!;
        Assert.Equal("Mesh Overview", (string?)board["title"]);
        Assert.Equal("mesh-overview", (string?)board["uid"]);
        Assert.Equal("mesh-overview", (string?)board["slug"]);
        Assert.Equal("db/mesh-overview", (string?)board["uri"]);
        Assert.Equal(3, (int)board["orgId"]!);

        // Text, table and row panels are left out; the collapsed row's chartable panel is lifted out of it;
        // "$datasource" becomes the name of the data source the variable picks.
        var panels = board["panels"]!.AsArray();
        Assert.Equal(["Requests", "Latency"], panels.Select(p => (string?)p!["title"]));
        Assert.Equal("Prometheus", (string?)panels[0]!["datasource"]);
        Assert.Equal("Prometheus", (string?)panels[1]!["datasource"]);
        Assert.Equal("sum(rate(istio_requests_total{namespace=\"$namespace\"}[5m]))", (string?)panels[0]!["targets"]![0]!["expr"]);

        var variables = board["templateVars"]!.AsArray();
        Assert.Equal(2, variables.Count);
        Assert.Equal("namespace", (string?)variables[0]!["name"]);
        Assert.Equal("label_values(kube_pod_info, namespace)", (string?)variables[0]!["query"]);
        Assert.Equal(1, (int)variables[0]!["datasource"]!["id"]!);
        Assert.Equal("Prometheus", (string?)variables[0]!["datasource"]!["name"]);
        Assert.Null(variables[0]!["hide"]);
        Assert.Equal("default", (string?)variables[0]!["value"]);
        Assert.Equal(2, (int)variables[1]!["datasource"]!["id"]!);
        Assert.Equal("Loki", (string?)variables[1]!["datasource"]!["name"]);
        Assert.Equal(2, (int)variables[1]!["hide"]!);
        Assert.Equal("""["a","b"]""", variables[1]!["value"]!.ToJsonString());

        Assert.All(fixture.Grafana.Requests("/api/search"), r => Assert.Equal("Bearer " + fixture.GrafanaKey, r.Authorization));
        Assert.Contains("query=mesh", fixture.Grafana.Requests("/api/search").Last().Query, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_query_result_goes_through_the_data_source_proxy_with_variables_filled_and_the_key_sent()
    {
        var query = Uri.EscapeDataString("query_result(up{job=\"$job\"})");
        var answer = await Agent.GetJsonAsync($"/api/telemetry/metrics/grafana/query/{_id}?query={query}&dsid=1&job=api", Ct);

        Assert.Equal("success", (string?)answer["status"]);
        Assert.Equal("api", (string?)answer["data"]!["result"]![0]!["metric"]!["job"]);
        var request = fixture.Grafana.Requests("/api/datasources/proxy/1/api/v1/query").Last();
        Assert.Equal("Bearer " + fixture.GrafanaKey, request.Authorization);
        Assert.Equal("?query=up{job=\"api\"}", Uri.UnescapeDataString(request.Query!));
        Assert.False(Agent.Logs.Mention(fixture.GrafanaKey), "The Grafana key appears in the agent's logs.");
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Label_values_and_range_queries_reach_the_named_data_source()
    {
        var labels = await Agent.GetJsonAsync($"/api/telemetry/metrics/grafana/query/{_id}?query=label_values(namespace)&dsid=1", Ct);
        Assert.Equal(["default", "istio-system"], labels["data"]!.AsArray().Select(v => (string?)v));

        var range = await Agent.GetJsonAsync(
            $"/api/grafana/query_range/{_id}?ds=Prometheus&query=up&start=1700000000&end=1700000600&step=15", Ct);
        Assert.Equal("matrix", (string?)range["data"]!["resultType"]);
        Assert.Contains(fixture.Grafana.Requests("/api/datasources/proxy/1/api/v1/query_range"), r => r.Query!.Contains("step=15", StringComparison.Ordinal));
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_plain_query_is_answered_as_itself_without_a_call()
    {
        var answer = await Agent.GetJsonAsync($"/api/telemetry/metrics/grafana/query/{_id}?query=5m", Ct);

        Assert.Equal("""{"status":"success","data":["5m"]}""", answer.ToJsonString());
    }

    [Theory(Timeout = TestLimits.Test)]
    [InlineData("query=query_result(up)&dsid=../../admin", "'dsid' must be the numeric id")]
    [InlineData("query=query_result(up)", "'dsid' must be the numeric id")]
    [InlineData("query=label_values(a/../../b)&dsid=1", "is not a Prometheus label name")]
    [InlineData("dsid=1", "'query' parameter is required")]
    public async Task Queries_that_would_leave_the_data_source_api_are_400_problems(string parameters, string detail)
    {
        using var response = await Agent.Client.GetAsync(new Uri($"/api/telemetry/metrics/grafana/query/{_id}?{parameters}", UriKind.Relative), Ct);

        await TelemetryAgent.AssertProblemAsync(response, 400, detail, Ct);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task The_board_selection_is_kept_on_the_connection()
    {
        var selection = """[{"board":{"uid":"mesh-overview","title":"Mesh Overview"},"panels":[{"id":2,"title":"Requests"}],"templateVars":["namespace=default"]}]""";
        using var saved = await Agent.Client.PostAsync(
            new Uri($"/api/telemetry/metrics/grafana/boards/{_id}", UriKind.Relative), new StringContent(selection, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));

        var listed = await Agent.GetJsonAsync("/api/telemetry/metrics/grafana/config?pagesize=25", Ct);
        var connection = listed["connections"]!.AsArray().Single(c => (string?)c!["id"] == _id)!;
        Assert.Equal("mesh-overview", (string?)connection["metadata"]!["grafana_boards"]![0]!["board"]!["uid"]);

        using var notAList = await Agent.Client.PostAsync(
            new Uri($"/api/telemetry/metrics/grafana/boards/{_id}", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct);
        await TelemetryAgent.AssertProblemAsync(notAList, 400, "JSON list", Ct);
    }
}

using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Meshery.Agent.Telemetry.Tests.Support;

/// <summary>
/// WireMock standing in for Grafana over real HTTP: health (open), and behind <c>Bearer {Key}</c> the current org,
/// dashboard search, one dashboard, a data source by name and the data source proxy; any other key gets 401.
/// </summary>
public sealed class GrafanaStandIn : IDisposable
{
    public const string DashboardUid = "mesh-overview";

    private GrafanaStandIn(string key)
    {
        Key = key;
        Server = WireMockServer.Start();
        Map();
    }

    public string Key { get; }

    public WireMockServer Server { get; }

    public string Url => Server.Urls[0];

    /// <summary>A Grafana that accepts <paramref name="key"/> (unique per test, so logs can be searched for it).</summary>
    public static GrafanaStandIn Start(string key) => new(key);

    /// <summary>The requests Grafana received on <paramref name="path"/>, with their Authorization header.</summary>
    public IReadOnlyList<(string Path, string? Query, string? Authorization)> Requests(string path) =>
        Server.LogEntries
            .Where(e => e.RequestMessage.Path == path)
            .Select(e => (e.RequestMessage.Path, (string?)e.RequestMessage.RawQuery, e.RequestMessage.Headers?.TryGetValue("Authorization", out var a) == true ? a.ToString() : null))
            .ToList();

    public void Dispose() => Server.Stop();

    private void Map()
    {
        Server.Given(Request.Create().UsingAnyMethod()).AtPriority(100)
            .RespondWith(Json(401, """{"message":"Invalid API key"}"""));
        Server.Given(Request.Create().WithPath("/api/health").UsingGet()).AtPriority(1)
            .RespondWith(Json(200, """{"commit":"03f502a94d","database":"ok","version":"10.4.1"}"""));
        Server.Given(Authed("/api/org")).AtPriority(1)
            .RespondWith(Json(200, """{"id":3,"name":"Main Org.","address":{}}"""));
        Server.Given(Authed("/api/search")).AtPriority(1)
            .RespondWith(Json(200, $$"""
                [
                  {"id":7,"uid":"{{DashboardUid}}","title":"Mesh Overview","uri":"db/mesh-overview","url":"/d/{{DashboardUid}}/mesh-overview","type":"dash-db","tags":[]},
                  {"id":8,"uid":"infra","title":"Infrastructure","url":"/dashboards/f/infra","type":"dash-folder"}
                ]
                """));
        Server.Given(Authed($"/api/dashboards/uid/{DashboardUid}")).AtPriority(1)
            .RespondWith(Json(200, Dashboard));
        Server.Given(Authed("/api/datasources/name/Prometheus")).AtPriority(1)
            .RespondWith(Json(200, """{"id":1,"uid":"prom-main","name":"Prometheus","type":"prometheus"}"""));
        Server.Given(Authed("/api/datasources/uid/loki-logs")).AtPriority(1)
            .RespondWith(Json(200, """{"id":2,"uid":"loki-logs","name":"Loki","type":"loki"}"""));
        Server.Given(Authed("/api/datasources/proxy/1/api/v1/query")).AtPriority(1)
            .RespondWith(Json(200, """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"api"},"value":[1700000000,"1"]}]}}"""));
        Server.Given(Authed("/api/datasources/proxy/1/api/v1/query_range")).AtPriority(1)
            .RespondWith(Json(200, """{"status":"success","data":{"resultType":"matrix","result":[]}}"""));
        Server.Given(Authed("/api/datasources/proxy/1/api/v1/label/namespace/values")).AtPriority(1)
            .RespondWith(Json(200, """{"status":"success","data":["default","istio-system"]}"""));
    }

    private IRequestBuilder Authed(string path) =>
        Request.Create().WithPath(path).UsingGet().WithHeader("Authorization", new ExactMatcher("Bearer " + Key));

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    /// <summary>A dashboard in the current layout: a data source variable, two query variables, text and table panels, a row.</summary>
    private const string Dashboard = """
        {
          "meta": {"slug": "mesh-overview"},
          "dashboard": {
            "uid": "mesh-overview",
            "title": "Mesh Overview",
            "templating": {"list": [
              {"name": "datasource", "type": "datasource", "query": "prometheus"},
              {"name": "namespace", "type": "query", "datasource": "$datasource", "hide": 0,
               "query": {"query": "label_values(kube_pod_info, namespace)", "refId": "A"},
               "current": {"text": "default", "value": "default"}},
              {"name": "stream", "type": "query", "datasource": {"type": "loki", "uid": "loki-logs"}, "hide": 2,
               "query": "label_values(job)", "current": {"text": ["a", "b"]}},
              {"name": "interval", "type": "interval", "query": "1m,5m"}
            ]},
            "panels": [
              {"id": 1, "type": "text", "title": "Read me"},
              {"id": 2, "type": "timeseries", "title": "Requests", "datasource": "$datasource",
               "targets": [{"expr": "sum(rate(istio_requests_total{namespace=\"$namespace\"}[5m]))", "refId": "A"}]},
              {"id": 3, "type": "row", "title": "Details", "collapsed": true, "panels": [
                {"id": 4, "type": "graph", "title": "Latency", "datasource": {"type": "prometheus", "uid": "$datasource"}},
                {"id": 5, "type": "table", "title": "Pods"}
              ]}
            ]
          }
        }
        """;
}

using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Meshery.Agent.Telemetry.Tests.Support;

/// <summary>
/// WireMock standing in for Prometheus over real HTTP: build info, instant and range queries, series, label values,
/// and a query (<c>big_metric</c>) whose answer is larger than the agent's limit. With <see cref="Authorization"/>
/// set, only requests carrying that header are answered (others get 401). It can stop and start again on its port.
/// </summary>
public sealed class PrometheusStandIn : IDisposable
{
    public const string BigQuery = "big_metric";

    private WireMockServer _server;

    private PrometheusStandIn(string? authorization)
    {
        Authorization = authorization;
        _server = WireMockServer.Start();
        Port = _server.Port;
        Map();
    }

    public string? Authorization { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public WireMockServer Server => _server;

    public static PrometheusStandIn Start(string? authorization = null) => new(authorization);

    public IReadOnlyList<(string Path, string? Query, string? Authorization)> Requests(string path) =>
        _server.LogEntries
            .Where(e => e.RequestMessage.Path == path)
            .Select(e => (e.RequestMessage.Path, (string?)e.RequestMessage.RawQuery, e.RequestMessage.Headers?.TryGetValue("Authorization", out var a) == true ? a.ToString() : null))
            .ToList();

    public void Stop() => _server.Stop();

    /// <summary>Starts again on the same port, as a restarted Prometheus would.</summary>
    public void Restart()
    {
        _server.Stop();
        _server.Dispose();
        _server = WireMockServer.Start(new WireMockServerSettings { Port = Port });
        Map();
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private void Map()
    {
        _server.Given(Request.Create().UsingAnyMethod()).AtPriority(100)
            .RespondWith(Json(401, """{"status":"error","error":"unauthorized"}"""));
        _server.Given(Get("/api/v1/status/buildinfo")).AtPriority(5)
            .RespondWith(Json(200, """{"status":"success","data":{"version":"2.53.0","revision":"1f23","branch":"HEAD","goVersion":"go1.22.4"}}"""));
        _server.Given(Get("/api/v1/query").WithParam("query", BigQuery)).AtPriority(1)
            .RespondWith(Json(200, "{\"status\":\"success\",\"data\":\"" + new string('x', 64 * 1024) + "\"}"));
        _server.Given(Get("/api/v1/query")).AtPriority(5)
            .RespondWith(Json(200, """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"api"},"value":[1700000000,"1"]}]}}"""));
        _server.Given(Get("/api/v1/query_range")).AtPriority(5)
            .RespondWith(Json(200, """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1700000000,"1"]]}]}}"""));
        _server.Given(Get("/api/v1/series")).AtPriority(5)
            .RespondWith(Json(200, """{"status":"success","data":[{"__name__":"node_boot_time_seconds","instance":"10.0.0.1:9100","job":"node-exporter"},{"__name__":"node_boot_time_seconds","instance":"10.0.0.2:9100","job":"node-exporter"}]}"""));
        _server.Given(Get("/api/v1/label/namespace/values")).AtPriority(5)
            .RespondWith(Json(200, """{"status":"success","data":["default","istio-system"]}"""));
    }

    private IRequestBuilder Get(string path)
    {
        var request = Request.Create().WithPath(path).UsingGet();
        return Authorization is null ? request : request.WithHeader("Authorization", new ExactMatcher(Authorization));
    }

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
}

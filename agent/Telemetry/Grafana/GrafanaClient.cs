using System.Globalization;
using System.Text.Json.Nodes;

namespace Meshery.Agent.Telemetry.Grafana;

/// <summary>The parts of Grafana's HTTP API the agent uses: health, the current org, dashboard search and read, data sources.</summary>
public sealed class GrafanaClient(UpstreamClient upstream)
{
    /// <summary>
    /// <c>GET /api/health</c> (is Grafana up and its database fine?) and then <c>GET /api/org</c> with the key (is the key
    /// good?): Meshery server checks the key the same way (the current org).
    /// </summary>
    public async Task<TelemetryProbeResult> ProbeAsync(TelemetryServer server, CancellationToken cancellationToken)
    {
        try
        {
            var health = await upstream.GetJsonAsync(server, "api/health", cancellationToken, authenticate: false);
            var database = health["database"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? health["database"]!.GetValue<string>() : null;
            if (database is not null && database != "ok")
            {
                return new TelemetryProbeResult(UpstreamFailure.ErrorStatus, $"Grafana at {server} reports its database as '{database}'.");
            }

            var org = await upstream.GetJsonAsync(server, "api/org", cancellationToken);
            var version = health["version"]?.ToString();
            return TelemetryProbeResult.Ok($"Grafana {version} answered; the key is accepted.", version, NumberOf(org["id"]));
        }
        catch (UpstreamException ex)
        {
            return TelemetryProbeResult.Failed(ex);
        }
    }

    /// <summary>The id of the org the key belongs to.</summary>
    public async Task<long?> OrgIdAsync(TelemetryServer server, CancellationToken cancellationToken) =>
        NumberOf((await upstream.GetJsonAsync(server, "api/org", cancellationToken))["id"]);

    /// <summary>Dashboards (not folders) whose title matches <paramref name="search"/>, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<JsonObject>> SearchDashboardsAsync(TelemetryServer server, string? search, int limit, CancellationToken cancellationToken)
    {
        var query = $"api/search?type=dash-db&limit={limit.ToString(CultureInfo.InvariantCulture)}";
        if (!string.IsNullOrEmpty(search))
        {
            query += "&query=" + Uri.EscapeDataString(search);
        }

        var found = await upstream.GetJsonAsync(server, query, cancellationToken);
        if (found is not JsonArray links)
        {
            throw new UpstreamException(UpstreamFailure.Malformed, $"Grafana at {server} answered the dashboard search with something other than a list.");
        }

        return links.OfType<JsonObject>()
            .Where(l => (l["type"]?.ToString() ?? "dash-db") == "dash-db" && !string.IsNullOrEmpty(l["uid"]?.ToString()))
            .Take(limit)
            .ToList();
    }

    /// <summary>The dashboard model of <c>GET /api/dashboards/uid/{uid}</c>.</summary>
    public async Task<JsonObject> DashboardAsync(TelemetryServer server, string uid, CancellationToken cancellationToken)
    {
        var answer = await upstream.GetJsonAsync(server, "api/dashboards/uid/" + Uri.EscapeDataString(uid), cancellationToken);
        return answer["dashboard"] as JsonObject
            ?? throw new UpstreamException(UpstreamFailure.Malformed, $"Grafana at {server} answered dashboard '{uid}' without a dashboard.");
    }

    /// <summary>A data source by name (<c>byUid</c> false) or uid; null when Grafana has none.</summary>
    public async Task<GrafanaDataSourceRef?> DataSourceAsync(TelemetryServer server, string nameOrUid, bool byUid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameOrUid);
        if (nameOrUid.Trim('.').Length == 0)
        {
            // "." and ".." would name a path segment, not a data source.
            return null;
        }

        try
        {
            var path = (byUid ? "api/datasources/uid/" : "api/datasources/name/") + Uri.EscapeDataString(nameOrUid);
            var answer = await upstream.GetJsonAsync(server, path, cancellationToken);
            return NumberOf(answer["id"]) is { } id ? new GrafanaDataSourceRef(id, answer["name"]?.ToString() ?? nameOrUid) : null;
        }
        catch (UpstreamException ex) when (ex.Failure == UpstreamFailure.ErrorStatus)
        {
            return null;
        }
    }

    internal static long? NumberOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var number) ? number
        : node is JsonValue text && text.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;
}

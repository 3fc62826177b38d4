using System.Globalization;
using System.Text.Json.Nodes;

namespace Meshery.Agent.Telemetry.Boards;

/// <summary>
/// Turns a Grafana dashboard model into Meshery's board: data source variables resolved, query variables listed,
/// chartable panels collected from the dashboard (and from rows, in either the current or the pre-5.0 layout).
/// </summary>
public static class BoardReader
{
    private static readonly HashSet<string> Unchartable = new(StringComparer.Ordinal) { "text", "table", "row" };

    /// <summary>Reads <paramref name="dashboard"/>; with a <paramref name="lookup"/> each variable's data source gets Grafana's id.</summary>
    public static async Task<GrafanaBoard> ReadAsync(
        JsonObject dashboard, string? uri, long? orgId, DataSourceLookup? lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var title = Text(dashboard["title"]);
        var dataSourceVariables = new Dictionary<string, string>(StringComparer.Ordinal);
        var templateVars = new List<GrafanaTemplateVar>();
        var cache = new Dictionary<(string, bool), GrafanaDataSource>();
        foreach (var variable in (Member(dashboard["templating"], "list") as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = Text(variable["name"]) ?? "";
            switch (Text(variable["type"]))
            {
                case "datasource":
                    // The variable's query names the data source plugin ("prometheus"); Meshery names the source after it.
                    dataSourceVariables[name] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase((Text(variable["query"]) ?? "").ToLowerInvariant());
                    break;
                case "query":
                    var query = Text(variable["query"]) ?? Text(Member(variable["query"], "query"));
                    if (query is null)
                    {
                        break;
                    }

                    templateVars.Add(new GrafanaTemplateVar
                    {
                        Name = name,
                        Query = query,
                        Datasource = await DataSourceOfAsync(variable["datasource"], dataSourceVariables, lookup, cache, cancellationToken),
                        Hide = variable["hide"] is JsonValue hide && hide.TryGetValue<int>(out var h) && h != 0 ? h : null,
                        Value = Member(variable["current"], "text")?.DeepClone(),
                    });
                    break;
            }
        }

        var panels = new List<JsonObject>();
        if (dashboard["panels"] is JsonArray { Count: > 0 } top)
        {
            foreach (var panel in top.OfType<JsonObject>())
            {
                if (Text(panel["type"]) == "row")
                {
                    AddChartable(panel["panels"] as JsonArray, dataSourceVariables, panels);
                }
                else
                {
                    AddChartable([panel], dataSourceVariables, panels);
                }
            }
        }
        else
        {
            foreach (var row in (dashboard["rows"] as JsonArray ?? []).OfType<JsonObject>())
            {
                AddChartable(row["panels"] as JsonArray, dataSourceVariables, panels);
            }
        }

        return new GrafanaBoard
        {
            Uri = uri,
            Title = title,
            Uid = Text(dashboard["uid"]),
            Slug = BoardSlug.Of(title),
            OrgId = orgId is > 0 ? orgId : null,
            Panels = panels.Count > 0 ? panels : null,
            TemplateVars = templateVars.Count > 0 ? templateVars : null,
        };
    }

    private static void AddChartable(IEnumerable<JsonNode?>? candidates, Dictionary<string, string> dataSourceVariables, List<JsonObject> panels)
    {
        foreach (var panel in (candidates ?? []).OfType<JsonObject>())
        {
            if (Unchartable.Contains(Text(panel["type"]) ?? ""))
            {
                continue;
            }

            var copy = (JsonObject)panel.DeepClone();
            if (VariableOf(copy["datasource"]) is { } variable && dataSourceVariables.TryGetValue(variable, out var name))
            {
                copy["datasource"] = name;
            }

            panels.Add(copy);
        }
    }

    private static async Task<GrafanaDataSource?> DataSourceOfAsync(
        JsonNode? reference,
        Dictionary<string, string> dataSourceVariables,
        DataSourceLookup? lookup,
        Dictionary<(string, bool), GrafanaDataSource> cache,
        CancellationToken cancellationToken)
    {
        // A data source is named ("Prometheus"), referenced by variable ("$ds"), or, since Grafana 8.3, an object {type, uid}.
        string? key;
        var byUid = false;
        if (VariableOf(reference) is { } variable)
        {
            key = dataSourceVariables.GetValueOrDefault(variable);
        }
        else if (reference is JsonObject)
        {
            key = Text(reference["uid"]);
            byUid = true;
        }
        else
        {
            key = Text(reference);
        }

        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        if (cache.TryGetValue((key, byUid), out var known))
        {
            return known;
        }

        var found = lookup is null ? null : await lookup(key, byUid, cancellationToken);
        var source = new GrafanaDataSource { Id = found?.Id, Name = found?.Name ?? (byUid ? null : key) };
        cache[(key, byUid)] = source;
        return source;
    }

    /// <summary>The variable a data source reference points at (<c>"$ds"</c> or <c>{"uid":"$ds"}</c>), without the dollar.</summary>
    private static string? VariableOf(JsonNode? reference)
    {
        var text = reference is JsonObject ? Text(reference["uid"]) : Text(reference);
        return text is { Length: > 1 } && text[0] == '$' ? text[1..].Trim('{', '}') : null;
    }

    private static JsonNode? Member(JsonNode? node, string name) => (node as JsonObject)?[name];

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

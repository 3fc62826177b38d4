using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Telemetry;

/// <summary>
/// Meshery's board queries turned into Prometheus API paths, as Meshery server's query handlers read them:
/// <c>label_values(label)</c> and <c>label_values(selector, label)</c> (variable values), <c>query_result(expr)</c>,
/// and anything else answered as itself. The other query-string members fill <c>$variables</c> in the expression.
/// Only the path under the server (or under Grafana's data source proxy) is built here: never a host.
/// </summary>
public static partial class MetricsQuery
{
    private const string LabelValues = "label_values(";
    private const string QueryResult = "query_result(";

    /// <summary>
    /// Builds the relative path of the query under <paramref name="prefix"/> (<c>""</c> for Prometheus,
    /// <c>api/datasources/proxy/{id}/</c> for Grafana); <paramref name="literal"/> is set instead when the query asks for
    /// no call.
    /// </summary>
    public static bool TryBuild(IQueryCollection query, string prefix, out string? relative, out string? literal, out string error)
    {
        ArgumentNullException.ThrowIfNull(query);
        relative = null;
        literal = null;
        error = "";
        var expression = query["query"].ToString().Trim();
        if (expression.Length == 0)
        {
            error = "The 'query' parameter is required.";
            return false;
        }

        if (expression.StartsWith(LabelValues, StringComparison.Ordinal))
        {
            var inner = Inner(expression, LabelValues);
            var comma = inner.LastIndexOf(',');
            if (comma < 0)
            {
                if (!LabelName().IsMatch(inner))
                {
                    error = $"'{inner}' is not a Prometheus label name.";
                    return false;
                }

                relative = $"{prefix}api/v1/label/{inner}/values";
                return true;
            }

            var selector = Substitute(inner[..comma].Trim(), query, "query", "dsid", "start", "end");
            var path = new StringBuilder($"{prefix}api/v1/series?match[]=").Append(Uri.EscapeDataString(selector));
            if (query["start"].ToString() is { Length: > 0 } start && query["end"].ToString() is { Length: > 0 } end)
            {
                path.Append("&start=").Append(Uri.EscapeDataString(start)).Append("&end=").Append(Uri.EscapeDataString(end));
            }

            relative = path.ToString();
            return true;
        }

        if (expression.StartsWith(QueryResult, StringComparison.Ordinal))
        {
            var promQl = Substitute(Inner(expression, QueryResult), query, "query", "dsid");
            relative = $"{prefix}api/v1/query?query={Uri.EscapeDataString(promQl)}";
            return true;
        }

        literal = expression;
        return true;
    }

    /// <summary>The relative path of a range query (<c>query</c>, <c>start</c>, <c>end</c>, <c>step</c>) under <paramref name="prefix"/>.</summary>
    public static bool TryBuildRange(IQueryCollection query, string prefix, out string relative, out string error)
    {
        ArgumentNullException.ThrowIfNull(query);
        relative = "";
        error = "";
        foreach (var required in (string[])["query", "start", "end", "step"])
        {
            if (string.IsNullOrWhiteSpace(query[required]))
            {
                error = $"The '{required}' parameter is required.";
                return false;
            }
        }

        relative = $"{prefix}api/v1/query_range?query={Uri.EscapeDataString(query["query"].ToString())}"
            + $"&start={Uri.EscapeDataString(query["start"].ToString())}"
            + $"&end={Uri.EscapeDataString(query["end"].ToString())}"
            + $"&step={Uri.EscapeDataString(query["step"].ToString())}";
        return true;
    }

    private static string Inner(string expression, string function)
    {
        var inner = expression[function.Length..].Trim();
        return (inner.EndsWith(')') ? inner[..^1] : inner).Trim();
    }

    /// <summary>Replaces <c>$name</c> by each other parameter's value, longest names first so <c>$a</c> does not cut <c>$ab</c>.</summary>
    private static string Substitute(string expression, IQueryCollection query, params string[] reserved)
    {
        foreach (var key in query.Keys.Where(k => !reserved.Contains(k, StringComparer.Ordinal)).OrderByDescending(k => k.Length))
        {
            expression = expression.Replace("$" + key, query[key].ToString(), StringComparison.Ordinal);
        }

        return expression;
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();
}

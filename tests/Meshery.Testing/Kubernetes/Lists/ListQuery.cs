using System.Globalization;
using Meshery.Testing.Kubernetes.Http;
using Microsoft.AspNetCore.Http;

namespace Meshery.Testing.Kubernetes.Lists;

/// <summary>The query parameters of a list or watch.</summary>
internal sealed record ListQuery(
    LabelSelector Labels,
    FieldSelector Fields,
    int Limit,
    string? Continue,
    string? ResourceVersion,
    bool Watch,
    bool AllowBookmarks,
    bool SendInitialEvents,
    int? TimeoutSeconds)
{
    public static (ListQuery? Query, KubeStatus? Error) Parse(IQueryCollection query, bool watchPath)
    {
        try
        {
            var limit = Int(query, "limit") ?? 0;
            return (new ListQuery(
                LabelSelector.Parse(query["labelSelector"]),
                FieldSelector.Parse(query["fieldSelector"]),
                Math.Max(0, limit),
                NullIfEmpty(query["continue"]),
                NullIfEmpty(query["resourceVersion"]),
                watchPath || Bool(query, "watch"),
                Bool(query, "allowWatchBookmarks"),
                Bool(query, "sendInitialEvents"),
                Int(query, "timeoutSeconds")), null);
        }
        catch (FormatException e)
        {
            return (null, KubeStatus.BadRequest(e.Message));
        }
    }

    private static bool Bool(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is "true" or "1" or "True";

    private static int? Int(IQueryCollection query, string name) =>
        NullIfEmpty(query[name]) is { } text
            ? int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"invalid {name}: {text}")
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

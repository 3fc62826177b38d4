using System.Globalization;
using System.Text.Json.Nodes;

namespace Meshery.Cli.Commands.Perf;

/// <summary>How profiles and results read in a table: the fields people compare, numbers in invariant culture.</summary>
public static class PerfTables
{
    public static IReadOnlyList<string> ProfileHeaders { get; } = ["NAME", "ID", "RESULTS", "LOAD GENERATOR", "URL", "QPS", "CONNECTIONS", "DURATION", "LAST RUN"];

    public static IReadOnlyList<string> ResultHeaders { get; } = ["NAME", "ID", "MESH", "LOAD GENERATOR", "START", "REQUESTS", "QPS", "P50 MS", "P99 MS"];

    public static IReadOnlyList<string> ProfileRow(JsonObject profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return
        [
            Text(profile["name"]),
            Text(profile["id"]),
            Text(profile["totalResults"]),
            string.Join(", ", (profile["loadGenerators"] as JsonArray ?? []).Select(Text)),
            string.Join(", ", (profile["endpoints"] as JsonArray ?? []).Select(Text)),
            Text(profile["qps"]),
            Text(profile["concurrentRequest"]),
            Text(profile["duration"]),
            Text(profile["lastRun"]),
        ];
    }

    public static IReadOnlyList<string> ResultRow(JsonObject result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var runner = result["runnerResults"] as JsonObject;
        var histogram = runner?["DurationHistogram"] as JsonObject;
        return
        [
            Text(result["name"]),
            Text(result["mesheryId"]),
            Text(result["mesh"]),
            Text(runner?["load-generator"]),
            Text(result["testStartTime"]),
            Text(histogram?["Count"]),
            Number(runner?["ActualQPS"], "0.0"),
            Milliseconds(Percentile(histogram, 50)),
            Milliseconds(Percentile(histogram, 99)),
        ];
    }

    /// <summary>One result as metric and value rows: rate, latency (ms) and answers per code.</summary>
    public static IEnumerable<IReadOnlyList<string>> Summary(JsonObject result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var runner = result["runnerResults"] as JsonObject ?? [];
        var histogram = runner["DurationHistogram"] as JsonObject ?? [];
        yield return ["Result", $"{Text(result["name"])} ({Text(result["mesheryId"])})"];
        yield return ["Load generator", Text(runner["load-generator"])];
        yield return ["URL", Text(runner["URL"])];
        yield return ["Connections", Text(runner["NumThreads"])];
        yield return ["Requested QPS", Text(runner["RequestedQPS"])];
        yield return ["Actual QPS", Number(runner["ActualQPS"], "0.0")];
        yield return ["Requests", Text(histogram["Count"])];
        yield return ["Latency min / avg / max (ms)", $"{Milliseconds(histogram["Min"])} / {Milliseconds(histogram["Avg"])} / {Milliseconds(histogram["Max"])}"];
        foreach (var percentile in histogram["Percentiles"] as JsonArray ?? [])
        {
            yield return [$"p{Number(percentile?["Percentile"], "0.##")} (ms)", Milliseconds(percentile?["Value"])];
        }

        var codes = (runner["RetCodes"] as JsonObject ?? []).Select(c => $"{c.Key}: {Text(c.Value)}");
        yield return ["Answers by code", string.Join(", ", codes)];
    }

    private static JsonNode? Percentile(JsonObject? histogram, double percentile) =>
        (histogram?["Percentiles"] as JsonArray ?? []).FirstOrDefault(p => p?["Percentile"] is JsonValue v && v.TryGetValue<double>(out var x) && x == percentile)?["Value"];

    /// <summary>Seconds (Fortio's unit) as milliseconds.</summary>
    private static string Milliseconds(JsonNode? seconds) =>
        seconds is JsonValue value && value.TryGetValue<double>(out var s) ? (s * 1000).ToString("0.###", CultureInfo.InvariantCulture) : "";

    private static string Number(JsonNode? node, string format) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? number.ToString(format, CultureInfo.InvariantCulture) : Text(node);

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}

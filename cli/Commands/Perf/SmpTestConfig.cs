using System.Globalization;
using System.Text.Json.Nodes;
using Meshery.Deploy.Manifests;
using YamlDotNet.Core;

namespace Meshery.Cli.Commands.Perf;

/// <summary>
/// A Service Mesh Performance test configuration (<c>--file</c>, YAML or JSON): <c>name</c>, <c>duration</c> and the first
/// client's <c>load_generator</c>, <c>connections</c>, <c>rps</c>, <c>endpoint_urls</c>, <c>headers</c>, <c>cookies</c>,
/// <c>body</c>, <c>content_type</c>. Flags given beside the file win over it.
/// </summary>
public sealed record SmpTestConfig
{
    public string? Name { get; init; }

    public string? Duration { get; init; }

    public string? LoadGenerator { get; init; }

    public int? Connections { get; init; }

    public double? Qps { get; init; }

    public string? Url { get; init; }

    /// <summary>JSON object text, as the run endpoint takes them.</summary>
    public string? Headers { get; init; }

    public string? Cookies { get; init; }

    public string? Body { get; init; }

    public string? ContentType { get; init; }

    public static SmpTestConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"test configuration file '{path}' does not exist", ex);
        }

        JsonObject document;
        try
        {
            document = YamlManifestReader.Read(text).FirstOrDefault()?.Body ?? throw new CliException($"'{path}' holds no test configuration");
        }
        catch (YamlException ex)
        {
            throw new CliException($"'{path}' is not valid YAML or JSON (line {ex.Start.Line}): {ex.Message}", ex);
        }

        var client = (document["clients"] as JsonArray)?.FirstOrDefault() as JsonObject ?? [];
        return new SmpTestConfig
        {
            Name = Text(document["name"]),
            Duration = Text(document["duration"]),
            LoadGenerator = Text(client["load_generator"] ?? client["loadGenerator"]),
            Connections = (int?)Number(client["connections"], path, "connections"),
            Qps = Number(client["rps"], path, "rps"),
            Url = Text((client["endpoint_urls"] ?? client["endpointUrls"]) is JsonArray urls ? urls.FirstOrDefault() : null),
            Headers = Pairs(client["headers"]),
            Cookies = Pairs(client["cookies"]),
            Body = Text(client["body"]),
            ContentType = Text(client["content_type"] ?? client["contentType"]),
        };
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => string.IsNullOrWhiteSpace(text) ? null : text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    private static double? Number(JsonNode? node, string path, string key)
    {
        var text = Text(node);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new CliException($"'{path}': {key} must be a number of at least 0, not '{text}'");
    }

    private static string? Pairs(JsonNode? node) => node is JsonObject { Count: > 0 } map
        ? new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)(Text(p.Value) ?? "")))).ToJsonString()
        : null;
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Meshery.Cli.Commands.Perf;

/// <summary>What <c>perf apply</c> was asked for: the profile to run and the values that override it.</summary>
public sealed partial record PerfTestRequest
{
    public required string Profile { get; init; }

    public string? Url { get; init; }

    public double? Qps { get; init; }

    public int? Connections { get; init; }

    public string? Duration { get; init; }

    public string? LoadGenerator { get; init; }

    public string? Mesh { get; init; }

    public string? Name { get; init; }

    public string? Headers { get; init; }

    public string? Cookies { get; init; }

    public string? Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>A profile of this test, for a name no profile has yet (it needs a URL).</summary>
    public JsonObject NewProfile()
    {
        var url = Url ?? throw new CliException($"no performance profile named '{Profile}'; give --url (or --file) to create it");
        var profile = new JsonObject
        {
            ["name"] = Profile,
            ["endpoints"] = new JsonArray(url),
            ["loadGenerators"] = new JsonArray(LoadGenerator ?? "fortio"),
            ["qps"] = (int)Math.Round(Qps ?? 0),
            ["concurrentRequest"] = Connections ?? 1,
            ["duration"] = Duration ?? "30s",
        };
        Add(profile, "serviceMesh", Mesh);
        Add(profile, "requestHeaders", Headers);
        Add(profile, "requestCookies", Cookies);
        Add(profile, "requestBody", Body);
        Add(profile, "contentType", ContentType);
        return profile;
    }

    /// <summary>
    /// The run's query as Meshery server reads it; what is not given comes from the profile. A duration of one number
    /// and unit goes as upstream's <c>t</c> and <c>dur</c>, any other (<c>1m30s</c>) whole in <c>t</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> RunParameters(string profileName)
    {
        var parameters = new List<KeyValuePair<string, string>> { new("name", Name ?? profileName) };
        Add(parameters, "mesh", Mesh);
        Add(parameters, "url", Url);
        Add(parameters, "qps", Qps?.ToString(CultureInfo.InvariantCulture));
        Add(parameters, "c", Connections?.ToString(CultureInfo.InvariantCulture));
        if (Duration is not null && SimpleDuration().Match(Duration) is { Success: true } simple)
        {
            Add(parameters, "t", simple.Groups[1].Value);
            Add(parameters, "dur", simple.Groups[2].Value);
        }
        else
        {
            Add(parameters, "t", Duration);
        }

        Add(parameters, "loadGenerator", LoadGenerator);
        Add(parameters, "headers", Headers);
        Add(parameters, "cookies", Cookies);
        Add(parameters, "reqBody", Body);
        Add(parameters, "contentType", ContentType);
        return parameters;
    }

    private static void Add(JsonObject profile, string key, string? value)
    {
        if (value is not null)
        {
            profile[key] = value;
        }
    }

    private static void Add(List<KeyValuePair<string, string>> parameters, string key, string? value)
    {
        if (value is not null)
        {
            parameters.Add(new(key, value));
        }
    }

    [GeneratedRegex("^([0-9]+)([hms])$")]
    private static partial Regex SimpleDuration();
}

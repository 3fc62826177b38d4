using System.Text.Json.Serialization;

namespace Meshery.Agent.Perf.Results;

/// <summary>
/// Fortio's HTTP runner result, the shape Meshery keeps in a result's <c>runner_results</c> (PascalCase keys, times in
/// seconds, <c>ActualDuration</c> in nanoseconds), with Meshery's <c>load-generator</c> beside Fortio's own keys.
/// </summary>
public sealed record FortioRunnerResults
{
    public string RunType { get; set; } = "HTTP";

    public string Labels { get; set; } = "";

    /// <summary>RFC 3339.</summary>
    public string StartTime { get; set; } = "";

    /// <summary>A number, or <c>max</c> for as fast as possible.</summary>
    public string RequestedQPS { get; set; } = "max";

    /// <summary>A Go duration, e.g. <c>30s</c>.</summary>
    public string RequestedDuration { get; set; } = "";

    public double ActualQPS { get; set; }

    /// <summary>Nanoseconds.</summary>
    public long ActualDuration { get; set; }

    public int NumThreads { get; set; }

    public string Version { get; set; } = "";

    public FortioHistogram DurationHistogram { get; set; } = new();

    public bool Exactly { get; set; }

    public Dictionary<string, long> RetCodes { get; set; } = [];

    public FortioHistogram Sizes { get; set; } = new();

    public string URL { get; set; } = "";

    public int SocketCount { get; set; }

    [JsonPropertyName("load-generator")]
    public string LoadGenerator { get; set; } = "";
}

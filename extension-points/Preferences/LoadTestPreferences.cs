using System.Text.Json.Serialization;

namespace Meshery.ExtensionPoints.Preferences;

/// <summary>Default load-test settings: concurrency, rate, duration and generator.</summary>
public sealed record LoadTestPreferences
{
    [JsonPropertyName("c")]
    public int? ConcurrentRequests { get; set; }

    [JsonPropertyName("qps")]
    public int? Qps { get; set; }

    [JsonPropertyName("t")]
    public string? Duration { get; set; }

    [JsonPropertyName("gen")]
    public string? LoadGenerator { get; set; }
}

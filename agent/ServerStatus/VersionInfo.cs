using System.Text.Json.Serialization;

namespace Meshery.Agent.ServerStatus;

/// <summary>Meshery server's version answer, with its snake_case keys.</summary>
public sealed record VersionInfo(
    [property: JsonPropertyName("build")] string Build,
    [property: JsonPropertyName("latest")] string Latest,
    [property: JsonPropertyName("outdated")] bool Outdated,
    [property: JsonPropertyName("commitsha")] string CommitSha,
    [property: JsonPropertyName("release_channel")] string ReleaseChannel);

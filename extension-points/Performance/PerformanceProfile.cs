using System.Text.Json.Nodes;

namespace Meshery.ExtensionPoints.Performance;

/// <summary>A saved load-test configuration (schemas v1beta3 performance profile).</summary>
public sealed record PerformanceProfile
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Guid? Owner { get; set; }

    public Guid? Schedule { get; set; }

    public IReadOnlyList<string> LoadGenerators { get; set; } = [];

    public IReadOnlyList<string> Endpoints { get; set; } = [];

    public string? ServiceMesh { get; set; }

    public int ConcurrentRequest { get; set; }

    public int Qps { get; set; }

    public string? Duration { get; set; }

    public string? RequestHeaders { get; set; }

    public string? RequestCookies { get; set; }

    public string? RequestBody { get; set; }

    public string? ContentType { get; set; }

    public JsonObject? Metadata { get; set; }

    public DateTimeOffset? LastRun { get; set; }

    public int TotalResults { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

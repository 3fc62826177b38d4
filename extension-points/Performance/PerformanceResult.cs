using System.Text.Json.Nodes;

namespace Meshery.ExtensionPoints.Performance;

/// <summary>The outcome of one load test run (schemas v1beta3 performance result).</summary>
public sealed record PerformanceResult
{
    /// <summary>The result's id (<c>meshery_id</c> in older releases).</summary>
    public Guid MesheryId { get; set; }

    public string Name { get; set; } = "";

    public string? Mesh { get; set; }

    public Guid? PerformanceProfile { get; set; }

    public string? TestId { get; set; }

    public JsonObject? RunnerResults { get; set; }

    public JsonObject? ServerMetrics { get; set; }

    public JsonObject? ServerBoardConfig { get; set; }

    public DateTimeOffset? TestStartTime { get; set; }

    public Guid? Owner { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

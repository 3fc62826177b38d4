using Meshery.Agent.Perf.Protos;

namespace Meshery.Agent.Performance;

/// <summary>A run as the query asked for it: the result's name and mesh, and the test Meshery Perf is asked to run.</summary>
public sealed record PerformanceRun(string Name, string? Mesh, RunTestRequest Request);

using System.Text.Json.Serialization;

namespace Meshery.Agent.Perf.Results;

/// <summary>The perf module's JSON: Fortio's result keeps its own PascalCase keys.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(FortioRunnerResults))]
public sealed partial class PerfJsonContext : JsonSerializerContext;

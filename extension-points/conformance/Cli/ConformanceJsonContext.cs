using System.Text.Json.Serialization;
using Meshery.ExtensionPoints.Conformance.Running;

namespace Meshery.ExtensionPoints.Conformance.Cli;

/// <summary>Source-generated type information for the runner's <c>-o json</c> output.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConformanceReport))]
internal sealed partial class ConformanceJsonContext : JsonSerializerContext;

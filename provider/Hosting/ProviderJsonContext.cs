using System.Text.Json.Serialization;

namespace Meshery.Provider.Hosting;

/// <summary>Source-generated type information for the provider's own answers.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthAnswer))]
[JsonSerializable(typeof(VersionAnswer))]
public sealed partial class ProviderJsonContext : JsonSerializerContext;

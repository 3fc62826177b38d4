using System.Text.Json.Serialization;

namespace Meshery.Provider.Hosting;

/// <summary>Source-generated type information for the provider's own answers.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EmptyAnswer))]
[JsonSerializable(typeof(CountAnswer))]
[JsonSerializable(typeof(IdAnswer))]
[JsonSerializable(typeof(Meshery.ExtensionPoints.Designs.Design[]))]
[JsonSerializable(typeof(HealthAnswer))]
[JsonSerializable(typeof(VersionAnswer))]
public sealed partial class ProviderJsonContext : JsonSerializerContext;

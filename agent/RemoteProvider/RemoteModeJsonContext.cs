using System.Text.Json.Serialization;
using Meshery.Agent.RemoteProvider.SignIn;
using Meshery.Agent.RemoteProvider.Tokens;

namespace Meshery.Agent.RemoteProvider;

/// <summary>Source-generated type information for the sign-in wire types (Meshery's own spellings).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenBody))]
[JsonSerializable(typeof(ProviderKeySet))]
[JsonSerializable(typeof(TokenAnswer))]
public sealed partial class RemoteModeJsonContext : JsonSerializerContext;

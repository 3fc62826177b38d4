using System.Text.Json.Serialization;

namespace Meshery.Provider.Hosting;

/// <summary>Source-generated type information for the provider's own answers.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthAnswer))]
[JsonSerializable(typeof(VersionAnswer))]
[JsonSerializable(typeof(Meshery.Provider.Identity.OpenIddict.IdentityApplication))]
[JsonSerializable(typeof(Meshery.Provider.Identity.OpenIddict.IdentityAuthorization))]
[JsonSerializable(typeof(Meshery.Provider.Identity.OpenIddict.IdentityScope))]
[JsonSerializable(typeof(Meshery.Provider.Identity.OpenIddict.IdentityToken))]
[JsonSerializable(typeof(Meshery.Provider.Identity.Accounts.Account))]
[JsonSerializable(typeof(Meshery.Provider.Identity.External.ExternalLogin))]
[JsonSerializable(typeof(Meshery.Provider.Identity.Meshery.TokenBody))]
[JsonSerializable(typeof(Meshery.Provider.Identity.Meshery.IntrospectAnswer))]
[JsonSerializable(typeof(Meshery.Provider.Identity.Keys.KeySetAnswer))]
[JsonSerializable(typeof(Meshery.Provider.Identity.Anonymous.AnonymousUserAnswer))]
[JsonSerializable(typeof(Dictionary<string, System.Text.Json.JsonElement>))]
public sealed partial class ProviderJsonContext : JsonSerializerContext;

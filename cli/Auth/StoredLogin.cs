using System.Text.Json.Serialization;
using Duende.IdentityModel.Client;

namespace Meshery.Cli.Auth;

/// <summary>One context's sign-in as <c>auth.json</c> keeps it: where it came from and the token set.</summary>
public sealed record StoredLogin
{
    /// <summary>The provider's base URL the CLI signed in against.</summary>
    [JsonPropertyName("provider")]
    public string Provider { get; set; } = "";

    /// <summary>The provider's name in the context (upstream's <c>meshery-provider</c>), when known.</summary>
    [JsonPropertyName("providerName")]
    public string? ProviderName { get; set; }

    [JsonPropertyName("issuer")]
    public string? Issuer { get; set; }

    [JsonPropertyName("clientId")]
    public string ClientId { get; set; } = "";

    /// <summary>A PEM file of extra CAs trusted for this provider's TLS certificate.</summary>
    [JsonPropertyName("caFile")]
    public string? CaFile { get; set; }

    [JsonPropertyName("tokenType")]
    public string TokenType { get; set; } = "Bearer";

    [JsonPropertyName("accessToken")]
    public string AccessToken { get; set; } = "";

    [JsonPropertyName("refreshToken")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("idToken")]
    public string? IdToken { get; set; }

    /// <summary>Space-separated granted scopes.</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    [JsonPropertyName("expiresAt")]
    public DateTimeOffset? ExpiresAt { get; set; }

    [JsonPropertyName("obtainedAt")]
    public DateTimeOffset ObtainedAt { get; set; }

    /// <summary>
    /// The sign-in a token answer makes (from the device flow or a refresh). A refresh that rotates the
    /// refresh token replaces it; one that does not keeps <paramref name="earlier"/>'s.
    /// </summary>
    public static StoredLogin FromAnswer(TokenResponse answer, StoredLogin template, DateTimeOffset now, StoredLogin? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(template);
        var access = answer.AccessToken ?? throw new CliException("the provider's token answer has no access_token");
        var claims = AccessTokenClaims.Read(access);
        return template with
        {
            TokenType = string.IsNullOrEmpty(answer.TokenType) ? "Bearer" : answer.TokenType,
            AccessToken = access,
            RefreshToken = answer.RefreshToken ?? earlier?.RefreshToken,
            IdToken = answer.IdentityToken ?? earlier?.IdToken,
            Scope = answer.Scope ?? claims.Scope ?? earlier?.Scope,
            ExpiresAt = answer.ExpiresIn > 0 ? now.AddSeconds(answer.ExpiresIn) : claims.ExpiresAt,
            ObtainedAt = now,
        };
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meshery.Cli.Auth;

/// <summary>
/// Meshery's token cookie: base64 (standard alphabet, no padding) of a JSON OAuth2 token, the value
/// upstream keeps in <c>auth.json</c>'s <c>token</c> and servers read from the <c>token</c> cookie.
/// </summary>
public sealed record UpstreamToken
{
    [JsonPropertyName("access_token")]
    public string AccessToken { get; set; } = "";

    [JsonPropertyName("token_type")]
    public string TokenType { get; set; } = "bearer";

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("expiry")]
    public DateTimeOffset? Expiry { get; set; }

    public static string Encode(StoredLogin login)
    {
        ArgumentNullException.ThrowIfNull(login);
        var token = new UpstreamToken { AccessToken = login.AccessToken, TokenType = "bearer", RefreshToken = login.RefreshToken, Expiry = login.ExpiresAt };
        var json = JsonSerializer.SerializeToUtf8Bytes(token, CliJsonContext.Default.UpstreamToken);
        return Convert.ToBase64String(json).TrimEnd('=');
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Meshery.Provider.Hosting;

namespace Meshery.Provider.Identity.Meshery;

/// <summary>
/// Meshery's <c>token</c> cookie: standard base64 without padding of the JSON OAuth2 token
/// <c>{access_token, token_type, refresh_token, expiry}</c> (Go's <c>oauth2.Token</c>).
/// </summary>
public sealed record MesheryTokenCookie(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expiry")] DateTimeOffset? Expiry)
{
    public string Encode() =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this, ProviderJsonContext.Default.MesheryTokenCookie)).TrimEnd('=');

    /// <summary>The cookie's token, or null when the value is not in the cookie form (a raw token, say).</summary>
    public static MesheryTokenCookie? TryDecode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > Auth.MesheryTokenForms.MaxTokenLength || value.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        var trimmed = value.Trim();
        var padded = trimmed.Length % 4 == 0 ? trimmed : trimmed + new string('=', 4 - (trimmed.Length % 4));
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return null;
        }

        try
        {
            var token = JsonSerializer.Deserialize(Encoding.UTF8.GetString(buffer, 0, written), ProviderJsonContext.Default.MesheryTokenCookie);
            return string.IsNullOrEmpty(token?.AccessToken) ? null : token;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

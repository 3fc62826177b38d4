using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meshery.ExtensionPoints.Tokens;

/// <summary>
/// Meshery's <c>token</c> cookie (also <c>auth.json</c>'s <c>token</c> and <c>/login</c>'s <c>token</c>
/// parameter): standard base64 without padding of the JSON OAuth2 token
/// <c>{access_token, token_type, refresh_token, expiry}</c> (Go's <c>oauth2.Token</c>).
/// </summary>
public sealed record MesheryTokenCookie(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expiry")] DateTimeOffset? Expiry)
{
    /// <summary>Longest credential looked at before any decoding; anything longer is not a token.</summary>
    public const int MaxLength = 16 * 1024;

    public string Encode() =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this, MesheryTokenCookieJsonContext.Default.MesheryTokenCookie)).TrimEnd('=');

    /// <summary>
    /// The cookie's token, or null when the value is not in the cookie form (a raw token, say). A padded
    /// value is not the cookie form (Go's RawStdEncoding), as Meshery reads it.
    /// </summary>
    public static MesheryTokenCookie? TryDecode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength || value.Contains('=', StringComparison.Ordinal))
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
            var token = JsonSerializer.Deserialize(Encoding.UTF8.GetString(buffer, 0, written), MesheryTokenCookieJsonContext.Default.MesheryTokenCookie);
            return string.IsNullOrEmpty(token?.AccessToken) ? null : token;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSerializable(typeof(MesheryTokenCookie))]
internal sealed partial class MesheryTokenCookieJsonContext : JsonSerializerContext;

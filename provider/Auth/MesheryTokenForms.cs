using System.Buffers.Text;
using System.Text.Json;

namespace Meshery.Provider.Auth;

/// <summary>
/// Meshery servers send either a raw access token or standard base64 (no padding) of the JSON OAuth2
/// token <c>{access_token, token_type, refresh_token, expiry}</c>. This finds the access token in both.
/// </summary>
public static class MesheryTokenForms
{
    /// <summary>Longest credential accepted before any decoding.</summary>
    public const int MaxTokenLength = ExtensionPoints.Tokens.MesheryTokenCookie.MaxLength;

    public static string? ExtractAccessToken(string? presented)
    {
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > MaxTokenLength)
        {
            return null;
        }

        var value = presented.Trim();
        if (value.AsSpan().Count('.') == 2)
        {
            return value;
        }

        var padded = value.Length % 4 == 0 ? value : value + new string('=', 4 - (value.Length % 4));
        var buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(padded.Length)];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return value;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, written));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("access_token", out var access)
                && access.ValueKind == JsonValueKind.String
                ? access.GetString()
                : value;
        }
        catch (JsonException)
        {
            return value;
        }
    }
}

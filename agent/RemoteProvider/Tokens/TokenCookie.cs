using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meshery.Agent.RemoteProvider.Tokens;

/// <summary>
/// Meshery's <c>token</c> cookie: standard base64 without padding of the JSON OAuth2 token
/// <c>{access_token, token_type, refresh_token, expiry}</c>. A value that does not decode that way is a
/// raw access token, which is used as it is and never refreshed.
/// </summary>
public sealed record TokenCookie
{
    /// <summary>Longest value looked at; anything longer is not a token.</summary>
    public const int MaxLength = 16 * 1024;

    [JsonPropertyName("access_token")]
    public string AccessToken { get; set; } = "";

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("expiry")]
    public DateTimeOffset? Expiry { get; set; }

    /// <summary>The value as presented (the cookie or bearer), sent on as Meshery's bearer.</summary>
    [JsonIgnore]
    public string Value { get; private set; } = "";

    /// <summary>Reads a presented value; null when there is nothing usable.</summary>
    public static TokenCookie? Read(string? presented)
    {
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > MaxLength)
        {
            return null;
        }

        var value = presented.Trim();
        return Decode(value) ?? new TokenCookie { AccessToken = value, Value = value };
    }

    private static TokenCookie? Decode(string value)
    {
        // Go's RawStdEncoding: no padding, so a padded value is taken as a raw token, as Meshery does.
        if (value.Contains('=', StringComparison.Ordinal) || value.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        var padded = value.Length % 4 == 0 ? value : value + new string('=', 4 - (value.Length % 4));
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return null;
        }

        try
        {
            var token = JsonSerializer.Deserialize(Encoding.UTF8.GetString(buffer, 0, written), RemoteModeJsonContext.Default.TokenCookie);
            if (string.IsNullOrEmpty(token?.AccessToken))
            {
                return null;
            }

            token.Value = value;
            return token;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

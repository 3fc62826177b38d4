using Meshery.ExtensionPoints.Tokens;

namespace Meshery.Agent.RemoteProvider.Tokens;

/// <summary>
/// Meshery's <c>token</c> cookie: standard base64 without padding of the JSON OAuth2 token
/// <c>{access_token, token_type, refresh_token, expiry}</c>. A value that does not decode that way is a
/// raw access token, which is used as it is and never refreshed.
/// </summary>
public sealed record TokenCookie
{
    /// <summary>Longest value looked at; anything longer is not a token.</summary>
    public const int MaxLength = MesheryTokenCookie.MaxLength;

    public string AccessToken { get; set; } = "";

    public string? TokenType { get; set; }

    public string? RefreshToken { get; set; }

    public DateTimeOffset? Expiry { get; set; }

    /// <summary>The value as presented (the cookie or bearer), sent on as Meshery's bearer.</summary>
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

    private static TokenCookie? Decode(string value) =>
        MesheryTokenCookie.TryDecode(value) is { } token
            ? new TokenCookie { AccessToken = token.AccessToken, TokenType = token.TokenType, RefreshToken = token.RefreshToken, Expiry = token.Expiry, Value = value }
            : null;
}

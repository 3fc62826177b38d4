using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Meshery.Agent.Remote.Tests.Support;

/// <summary>Tokens the tests present to the agent: expired, foreign-keyed, tampered, unsigned; and Meshery's cookie form.</summary>
public static class TokenForge
{
    /// <summary>An RS256 JWT for <paramref name="userId"/> signed by <paramref name="key"/> under <paramref name="kid"/>, expiring at <paramref name="expires"/>.</summary>
    public static string Jwt(RSA key, string kid, Guid userId, DateTimeOffset expires)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString("D"))]),
            IssuedAt = expires.UtcDateTime.AddHours(-1),
            NotBefore = expires.UtcDateTime.AddHours(-1),
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Meshery's cookie: standard base64 without padding of <c>{access_token, token_type, refresh_token, expiry}</c>.</summary>
    public static string Cookie(string accessToken, string? refreshToken)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "bearer",
            ["refresh_token"] = refreshToken,
            ["expiry"] = "2001-01-01T00:00:00Z",
        });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=');
    }

    public static string AccessToken(string cookie) => Meshery.Testing.Provider.SignInBrowser.DecodeCookie(cookie).GetProperty("access_token").GetString()!;

    public static string? RefreshToken(string cookie) => Meshery.Testing.Provider.SignInBrowser.DecodeCookie(cookie).GetProperty("refresh_token").GetString();

    public static Guid UserId(string cookie) => Guid.Parse(new JsonWebToken(AccessToken(cookie)).Subject);

    /// <summary>The token with its payload replaced (the signature left as it was).</summary>
    public static string Tampered(string jwt, Guid otherUser)
    {
        var parts = jwt.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        var changed = payload.ToDictionary(kv => kv.Key, kv => kv.Key == "sub" ? (object)otherUser.ToString("D") : kv.Value);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(changed))}.{parts[2]}";
    }

    /// <summary>The token re-headed with <c>alg: none</c> and no signature.</summary>
    public static string Unsigned(string jwt, string kid)
    {
        var parts = jwt.Split('.');
        var header = Base64UrlEncoder.Encode($$"""{"alg":"none","typ":"JWT","kid":"{{kid}}"}""");
        return $"{header}.{parts[1]}.";
    }
}

using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Meshery.Provider.Auth;

/// <summary>
/// The provider's one token check, used by the ASP.NET Core host's authentication handler and the
/// Functions worker middleware alike: RSA signature by a known <c>kid</c>, issuer, audience and lifetime.
/// A token that passed is remembered by its exact text (the keys are fixed for the validator's life),
/// so a caller's next requests skip parsing and the signature check; its lifetime is checked every time.
/// </summary>
public sealed class ProviderTokenValidator
{
    /// <summary>Most tokens remembered at once; when full, the memory starts over.</summary>
    public const int MaxRememberedTokens = 4096;

    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _parameters;
    private readonly ConcurrentDictionary<string, PassedToken> _passed = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public ProviderTokenValidator(IOptions<ProviderTokenOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        var value = options.Value;
        var keys = value.SigningKeys.Select(k =>
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(k.PublicKeyPem);
            return (SecurityKey)new RsaSecurityKey(rsa) { KeyId = k.Kid };
        }).ToList();
        _parameters = new TokenValidationParameters
        {
            // "https://x" and "https://x/" name the same issuer (OpenIddict writes the URI's canonical form).
            ValidIssuers = [value.Issuer, value.Issuer.TrimEnd('/'), value.Issuer.TrimEnd('/') + "/"],
            ValidAudience = value.Audience,
            IssuerSigningKeys = keys,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
            ClockSkew = value.ClockSkew,
            LifetimeValidator = (notBefore, expires, _, parameters) => IsCurrent(notBefore, expires, parameters.ClockSkew),
            NameClaimType = ProviderClaims.Subject,
        };
    }

    /// <summary>Validates a presented credential in any of Meshery's token forms.</summary>
    public async Task<TokenCheck> ValidateAsync(string? presented, string? systemId)
    {
        var accessToken = MesheryTokenForms.ExtractAccessToken(presented);
        if (accessToken is null)
        {
            return TokenCheck.Fail("No access token was presented.");
        }

        if (_passed.TryGetValue(accessToken, out var passed))
        {
            if (IsCurrent(passed.NotBefore, passed.Expires, _parameters.ClockSkew))
            {
                return Success(passed, presented!, systemId);
            }

            _passed.TryRemove(accessToken, out _);
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(accessToken);
        }
        catch (ArgumentException)
        {
            return TokenCheck.Fail("The access token is not a JWT.");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return TokenCheck.Fail("The access token has no 'kid' header.");
        }

        var result = await _handler.ValidateTokenAsync(jwt, _parameters);
        if (!result.IsValid)
        {
            return TokenCheck.Fail(Describe(result.Exception));
        }

        if (!Guid.TryParse(jwt.Subject, out var userId) || userId == Guid.Empty)
        {
            return TokenCheck.Fail("The access token's subject is not a user id.");
        }

        passed = new PassedToken([.. result.ClaimsIdentity.Claims], userId, jwt.ValidFrom == DateTime.MinValue ? null : jwt.ValidFrom, jwt.ValidTo);
        if (_passed.Count >= MaxRememberedTokens)
        {
            _passed.Clear();
        }

        _passed[accessToken] = passed;
        return Success(passed, presented!, systemId);
    }

    private static TokenCheck Success(PassedToken passed, string presented, string? systemId)
    {
        var identity = new ClaimsIdentity(passed.Claims, ProviderClaims.Scheme, ProviderClaims.Subject, "role");
        identity.AddClaim(new Claim(ProviderClaims.Token, presented.Trim()));
        if (Guid.TryParse(systemId, out var system))
        {
            identity.AddClaim(new Claim(ProviderClaims.SystemId, system.ToString("D")));
        }

        return TokenCheck.Success(new ClaimsPrincipal(identity), passed.UserId);
    }

    /// <summary>The lifetime rule, for a fresh check and a remembered token alike.</summary>
    private bool IsCurrent(DateTime? notBefore, DateTime? expires, TimeSpan clockSkew)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp.Add(clockSkew) > now && (notBefore is not { } nbf || nbf.Subtract(clockSkew) <= now);
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "The access token has expired.",
        SecurityTokenNotYetValidException => "The access token is not valid yet.",
        SecurityTokenInvalidLifetimeException => "The access token has expired (or is not valid yet).",
        SecurityTokenInvalidAudienceException => "The access token is for another audience.",
        SecurityTokenInvalidIssuerException => "The access token is from another issuer.",
        SecurityTokenSignatureKeyNotFoundException => "The access token is signed by an unknown key.",
        SecurityTokenInvalidSignatureException => "The access token's signature is invalid.",
        SecurityTokenInvalidAlgorithmException => "The access token's signing algorithm is not accepted.",
        _ => "The access token is invalid.",
    };

    /// <summary>What a token that passed the full check established: its claims, user and lifetime.</summary>
    private sealed record PassedToken(Claim[] Claims, Guid UserId, DateTime? NotBefore, DateTime Expires);
}

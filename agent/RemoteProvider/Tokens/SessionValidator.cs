using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Meshery.Agent.RemoteProvider.Tokens;

/// <summary>
/// Meshery's session check, as upstream's server runs it on every authenticated request: verify the
/// access token locally (RS256, a <c>kid</c> from the provider's <c>/keys</c>, <c>exp</c>), then ask the
/// provider's <c>/introspect</c> whether it is still live; when either says no and the cookie holds a
/// refresh token, <c>/refresh</c> once and check the new token the same way.
/// </summary>
public sealed partial class SessionValidator(
    ProviderKeyCache keys, ProviderSessionClient client, IOptions<RemoteModeOptions> options, TimeProvider time, ILogger<SessionValidator> logger)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    /// <summary>
    /// Checks <paramref name="presented"/>; <paramref name="mayRefresh"/> is false for bearer tokens, whose
    /// holder keeps the refresh token and would present it again (which the provider treats as reuse).
    /// </summary>
    public async Task<SessionCheck> CheckAsync(TokenCookie presented, bool mayRefresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var first = await VerifyAsync(presented, cancellationToken);
        if (first.Session is not null || !mayRefresh || string.IsNullOrEmpty(presented.RefreshToken))
        {
            Refused(first);
            return first;
        }

        var refreshed = await RefreshSharedAsync(presented.Value);
        if (TokenCookie.Read(refreshed) is not { } renewed || renewed.Value == presented.Value)
        {
            var refused = SessionCheck.Invalid($"{first.Failure}, and the provider refused to refresh it");
            Refused(refused);
            return refused;
        }

        var second = await VerifyAsync(renewed, cancellationToken);
        if (second.Session is { } session)
        {
            RemoteModeLog.SessionRefreshed(logger, session.UserId);
            return SessionCheck.Valid(session with { Rotated = true });
        }

        Refused(second);
        return second;
    }

    /// <summary>Forgets what is known about <paramref name="token"/> (sign-out).</summary>
    public void Forget(TokenCookie token)
    {
        ArgumentNullException.ThrowIfNull(token);
        _introspected.TryRemove(Fingerprint(token.AccessToken), out _);
    }

    /// <summary>Local verification only: the user id of a well-signed, unexpired token, else the reason.</summary>
    public async Task<(Guid? UserId, string? Failure)> VerifySignatureAsync(string accessToken, CancellationToken cancellationToken)
    {
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(accessToken);
        }
        catch (ArgumentException)
        {
            return (null, "the token is not a JWT");
        }

        if (!string.Equals(jwt.Alg, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal))
        {
            return (null, $"the token is not signed with RS256 (alg '{jwt.Alg}')");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return (null, "the token has no 'kid'");
        }

        if (await keys.FindAsync(jwt.Kid, cancellationToken) is not { } key)
        {
            return (null, "the token is signed with a key the provider does not publish");
        }

        var result = await Handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = false,
            ValidateIssuer = false,
            ValidateAudience = false,
        });
        if (!result.IsValid)
        {
            return (null, "the token's signature is not valid");
        }

        // Lifetime against the injected clock; a token without 'exp' never ends, so it is refused.
        var now = time.GetUtcNow().UtcDateTime;
        var skew = options.Value.ClockSkew;
        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out _) || jwt.ValidTo + skew <= now)
        {
            return (null, "the session has expired");
        }

        if (jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out _) && jwt.ValidFrom - skew > now)
        {
            return (null, "the token is not valid yet");
        }

        return jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sub, out var sub) && Guid.TryParse(sub, out var userId)
            ? (userId, null)
            : (null, "the token's subject is not a user id");
    }

    private async Task<SessionCheck> VerifyAsync(TokenCookie token, CancellationToken cancellationToken)
    {
        var (userId, failure) = await VerifySignatureAsync(token.AccessToken, cancellationToken);
        if (userId is null)
        {
            return SessionCheck.Invalid(failure!);
        }

        return await IsLiveAsync(token.AccessToken, cancellationToken)
            ? SessionCheck.Valid(new RemoteSession(userId.Value, token, Rotated: false))
            : SessionCheck.Invalid("the provider has ended the session");
    }

    private void Refused(SessionCheck check)
    {
        if (check.Failure is { } reason)
        {
            RemoteModeLog.SessionRefused(logger, reason);
        }
    }
}

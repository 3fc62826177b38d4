using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Auth;

/// <summary>The ASP.NET Core host's authentication: the provider's token validator behind the scheme.</summary>
public sealed class MesheryTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ProviderTokenValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = RequestTokens.Find(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var check = await validator.ValidateAsync(presented, RequestTokens.SystemId(Request));
        if (!check.IsValid)
        {
            Context.Items[ProviderClaims.Scheme] = check.Failure;
            return AuthenticateResult.Fail(check.Failure!);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(check.Principal!, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = Context.Items[ProviderClaims.Scheme] as string ?? "A bearer token is required.";
        await ProviderProblems.Unauthorized(detail).ExecuteAsync(Context);
    }
}

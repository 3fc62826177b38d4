using Meshery.Provider.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Meshery.Provider.Functions.Auth;

/// <summary>
/// The Functions app's authentication: the provider's own token validator sets
/// <see cref="HttpContext.User"/>; a request to a non-public function without a valid token
/// gets 401 problem details and never reaches the function.
/// </summary>
public sealed class TokenAuthenticationMiddleware(ProviderTokenValidator validator) : IFunctionsWorkerMiddleware
{
    /// <summary>Functions Meshery calls before anyone signs in.</summary>
    public static IReadOnlySet<string> PublicFunctions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Healthz", "SystemVersion", "GetCapabilities", "GetVersionedCapabilities",
    };

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext();
        if (http is null || PublicFunctions.Contains(context.FunctionDefinition.Name))
        {
            await next(context);
            return;
        }

        var presented = RequestTokens.Find(http.Request);
        var check = presented is null
            ? TokenCheck.Fail("A bearer token is required.")
            : await validator.ValidateAsync(presented, RequestTokens.SystemId(http.Request));
        if (!check.IsValid)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await ProviderProblems.Unauthorized(check.Failure!).ExecuteAsync(http);
            return;
        }

        http.User = check.Principal!;
        await next(context);
    }
}

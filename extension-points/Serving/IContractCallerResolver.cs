using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>
/// Decides who a request acts for: the validated token's subject at the provider, the local user (or
/// the signed-in user) at the agent. Null means the request is not authenticated.
/// </summary>
public interface IContractCallerResolver
{
    ProviderCaller? Resolve(HttpContext context);
}

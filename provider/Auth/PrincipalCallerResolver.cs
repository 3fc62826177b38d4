using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;

namespace Meshery.Provider.Auth;

/// <summary>The provider's callers: the subject of the token the host (or the worker middleware) validated.</summary>
public sealed class PrincipalCallerResolver : IContractCallerResolver
{
    public ProviderCaller? Resolve(HttpContext context) => ProviderCallers.From(context);
}

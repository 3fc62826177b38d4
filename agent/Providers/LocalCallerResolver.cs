using Meshery.Agent.LocalProvider.Identity;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Providers;

/// <summary>Offline mode: every request acts for the one local user.</summary>
public sealed class LocalCallerResolver : IContractCallerResolver
{
    public ProviderCaller? Resolve(HttpContext context) => LocalUser.Caller;
}

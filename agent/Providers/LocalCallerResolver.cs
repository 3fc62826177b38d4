using Meshery.Agent.LocalProvider.Identity;
using Meshery.ExtensionPoints;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Providers;

/// <summary>Offline mode: every request acts for the one local user.</summary>
public sealed class LocalCallerResolver : IProviderCallerResolver
{
    public ProviderCaller Resolve(HttpContext context) => LocalUser.Caller;
}

using Meshery.ExtensionPoints;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Providers;

/// <summary>Decides who a request acts for at the provider (the local user offline; the signed-in user remotely).</summary>
public interface IProviderCallerResolver
{
    ProviderCaller Resolve(HttpContext context);
}

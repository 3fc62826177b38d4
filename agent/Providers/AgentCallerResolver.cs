using Meshery.Agent.Hosting;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.RemoteProvider;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Providers;

/// <summary>
/// Remote mode: a request with a verified session acts for its user (the session's cookie value is the
/// bearer sent on, the agent's id the <c>SystemID</c>); a request that uses the Local provider acts for the
/// local user; anything else is not authenticated.
/// </summary>
public sealed class AgentCallerResolver(ProviderSelector selector, AgentInstance instance) : IContractCallerResolver
{
    public ProviderCaller? Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RemoteSessionFeature.Of(context) is { } session)
        {
            return new ProviderCaller(session.UserId, session.Token.Value, instance.Id);
        }

        return selector.IsRemote(context) ? null : LocalUser.Caller;
    }
}

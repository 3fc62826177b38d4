using Meshery.Agent.RemoteProvider.Tokens;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.RemoteProvider;

/// <summary>The request's verified session with the remote provider, set by <see cref="RemoteSessionMiddleware"/>.</summary>
public sealed record RemoteSessionFeature(RemoteSession Session)
{
    public static RemoteSession? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<RemoteSessionFeature>()?.Session;
    }
}

using Meshery.ExtensionPoints;

namespace Meshery.Agent.Providers.Routing;

/// <summary>
/// Which provider serves a caller: a caller with a token is a remote provider's user (the token is its
/// session, forwarded as the bearer); the Local provider's one user has none. Deciding by the caller, not
/// by the request, keeps work the agent does later for a user (Kubernetes connections, registration) with
/// that user's provider.
/// </summary>
internal static class CallerRouting
{
    public static bool IsRemote(ProviderCaller? caller) => !string.IsNullOrEmpty(caller?.Token);
}

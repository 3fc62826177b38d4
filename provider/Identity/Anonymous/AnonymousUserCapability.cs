using Meshery.ExtensionPoints.Capabilities;
using Meshery.Provider.Capabilities;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Identity.Anonymous;

/// <summary>Advertises <c>persist-anonymous-user</c> when the global token is configured: Meshery servers then skip the sign-in redirect.</summary>
public sealed class AnonymousUserCapability(IOptions<IdentityServerOptions> options) : ICapabilityContributor
{
    public IEnumerable<Capability> Capabilities =>
        string.IsNullOrEmpty(options.Value.AnonymousUserApiKey) ? [] : [new Capability(Features.PersistAnonymousUser, ExtensionPointPaths.PersistAnonymousUser)];
}

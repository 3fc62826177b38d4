using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Users;

namespace Meshery.Agent.Providers.Routing;

/// <summary><see cref="IUserProfileStore"/> of the provider the caller belongs to (see <see cref="CallerRouting"/>).</summary>
internal sealed class RoutedUserProfileStore(IUserProfileStore local, IUserProfileStore remote) : IUserProfileStore
{
    public Task<MesheryUser> GetCurrentAsync(ProviderCaller caller, CancellationToken cancellationToken) =>
        Pick(caller).GetCurrentAsync(caller, cancellationToken);

    public Task<MesheryUser?> GetAsync(ProviderCaller caller, Guid userId, CancellationToken cancellationToken) =>
        Pick(caller).GetAsync(caller, userId, cancellationToken);

    private IUserProfileStore Pick(ProviderCaller caller) => CallerRouting.IsRemote(caller) ? remote : local;
}

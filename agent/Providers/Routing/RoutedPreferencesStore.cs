using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Preferences;

namespace Meshery.Agent.Providers.Routing;

/// <summary><see cref="IPreferencesStore"/> of the provider the caller belongs to (see <see cref="CallerRouting"/>).</summary>
internal sealed class RoutedPreferencesStore(IPreferencesStore local, IPreferencesStore remote) : IPreferencesStore
{
    public Task<Stored<UserPreferences>> GetAsync(ProviderCaller caller, CancellationToken cancellationToken) =>
        Pick(caller).GetAsync(caller, cancellationToken);

    public Task<Stored<UserPreferences>> SaveAsync(ProviderCaller caller, UserPreferences preferences, string? ifMatch, CancellationToken cancellationToken) =>
        Pick(caller).SaveAsync(caller, preferences, ifMatch, cancellationToken);

    private IPreferencesStore Pick(ProviderCaller caller) => CallerRouting.IsRemote(caller) ? remote : local;
}

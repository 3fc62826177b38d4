using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Users;

namespace Meshery.Agent.LocalProvider.Identity;

/// <summary>The profile of offline mode's one user, with their saved preferences.</summary>
public sealed class LocalUserProfileStore(IPreferencesStore preferences) : IUserProfileStore
{
    public async Task<MesheryUser> GetCurrentAsync(ProviderCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var prefs = await preferences.GetAsync(caller, cancellationToken);
        return LocalUser.Profile with { Preferences = prefs.Value };
    }

    public async Task<MesheryUser?> GetAsync(ProviderCaller caller, Guid userId, CancellationToken cancellationToken) =>
        userId == LocalUser.Id ? await GetCurrentAsync(caller, cancellationToken) : null;
}

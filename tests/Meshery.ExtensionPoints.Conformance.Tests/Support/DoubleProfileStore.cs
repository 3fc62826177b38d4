using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Users;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary>Each bearer is its own user in the double (the Local provider knows only one).</summary>
public sealed class DoubleProfileStore(IPreferencesStore preferences) : IUserProfileStore
{
    public async Task<MesheryUser> GetCurrentAsync(ProviderCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var prefs = await preferences.GetAsync(caller, cancellationToken);
        return new MesheryUser { Id = caller.UserId, Provider = "Conformance double", Preferences = prefs.Value };
    }

    public async Task<MesheryUser?> GetAsync(ProviderCaller caller, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return userId == caller.UserId ? await GetCurrentAsync(caller, cancellationToken) : null;
    }
}

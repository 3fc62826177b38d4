using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Users;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary>
/// A profile per caller (the Local provider's store knows only its one offline user): the caller's own
/// id with their preferences, and nobody else's profile.
/// </summary>
public sealed class CallerProfileStore(IPreferencesStore preferences) : IUserProfileStore
{
    public async Task<MesheryUser> GetCurrentAsync(ProviderCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var prefs = await preferences.GetAsync(caller, cancellationToken);
        return new MesheryUser
        {
            Id = caller.UserId,
            UserId = caller.UserId.ToString("N")[..8],
            Provider = "Conformance double",
            Email = $"{caller.UserId:N}@double.test",
            Status = "active",
            Preferences = prefs.Value,
        };
    }

    public async Task<MesheryUser?> GetAsync(ProviderCaller caller, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return userId == caller.UserId ? await GetCurrentAsync(caller, cancellationToken) : null;
    }
}

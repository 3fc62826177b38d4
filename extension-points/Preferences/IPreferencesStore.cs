namespace Meshery.ExtensionPoints.Preferences;

/// <summary>Capability <c>sync-prefs</c>: one preferences document per user.</summary>
public interface IPreferencesStore
{
    /// <summary>The caller's preferences; an empty document when none were saved.</summary>
    Task<Stored<UserPreferences>> GetAsync(ProviderCaller caller, CancellationToken cancellationToken);

    /// <summary>Replaces the caller's preferences; <paramref name="ifMatch"/> guards against lost updates.</summary>
    Task<Stored<UserPreferences>> SaveAsync(ProviderCaller caller, UserPreferences preferences, string? ifMatch, CancellationToken cancellationToken);
}

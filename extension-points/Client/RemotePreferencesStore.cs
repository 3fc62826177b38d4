using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Preferences;

namespace Meshery.ExtensionPoints.Client;

/// <summary><c>sync-prefs</c> over HTTP: <c>GET ep</c> and <c>PUT ep</c> (201).</summary>
public sealed class RemotePreferencesStore : IPreferencesStore
{
    private readonly ProviderHttp _http;

    internal RemotePreferencesStore(ProviderHttp http) => _http = http;

    public async Task<Stored<UserPreferences>> GetAsync(ProviderCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.SyncPrefs, caller, "", cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
        return new Stored<UserPreferences>(ProviderHttp.Read<UserPreferences>(response), response.ETag ?? "");
    }

    public async Task<Stored<UserPreferences>> SaveAsync(
        ProviderCaller caller, UserPreferences preferences, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(preferences);
        var uri = await _http.EndpointAsync(Features.SyncPrefs, caller, "", cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Put, uri, ProviderHttp.Json(preferences), ifMatch, cancellationToken);
        return new Stored<UserPreferences>(ProviderHttp.Read<UserPreferences>(response), response.ETag ?? "");
    }
}

using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Users;

namespace Meshery.ExtensionPoints.Client;

/// <summary><c>users-profile</c> over HTTP: <c>GET ep</c> and <c>GET ep/{id}</c>.</summary>
public sealed class RemoteUserProfileStore : IUserProfileStore
{
    private readonly ProviderHttp _http;

    internal RemoteUserProfileStore(ProviderHttp http) => _http = http;

    public async Task<MesheryUser> GetCurrentAsync(ProviderCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.UsersProfile, caller, "", cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
        return ProviderHttp.Read<MesheryUser>(response);
    }

    public async Task<MesheryUser?> GetAsync(ProviderCaller caller, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.UsersProfile, caller, "/" + userId.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken, 404);
        return response.StatusCode == 404 ? null : ProviderHttp.Read<MesheryUser>(response);
    }
}

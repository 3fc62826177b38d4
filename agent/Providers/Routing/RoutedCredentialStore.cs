using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Agent.Providers.Routing;

/// <summary><see cref="ICredentialStore"/> of the provider the caller belongs to (see <see cref="CallerRouting"/>).</summary>
internal sealed class RoutedCredentialStore(ICredentialStore local, ICredentialStore remote) : ICredentialStore
{
    public Task<CredentialPage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken) =>
        Pick(caller).ListAsync(caller, page, cancellationToken);

    public Task<Stored<Credential>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).GetAsync(caller, id, cancellationToken);

    public Task<Stored<Credential>> CreateAsync(ProviderCaller caller, CredentialPayload payload, CancellationToken cancellationToken) =>
        Pick(caller).CreateAsync(caller, payload, cancellationToken);

    public Task<Stored<Credential>> UpdateAsync(ProviderCaller caller, Guid id, CredentialPayload payload, string? ifMatch, CancellationToken cancellationToken) =>
        Pick(caller).UpdateAsync(caller, id, payload, ifMatch, cancellationToken);

    public Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).DeleteAsync(caller, id, cancellationToken);

    private ICredentialStore Pick(ProviderCaller caller) => CallerRouting.IsRemote(caller) ? remote : local;
}

using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Credentials;

/// <summary>Capability <c>persist-credentials</c>.</summary>
public interface ICredentialStore
{
    /// <summary>Lists credentials without their secrets.</summary>
    Task<CredentialPage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken);

    /// <summary>One credential, secret included.</summary>
    Task<Stored<Credential>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);

    Task<Stored<Credential>> CreateAsync(ProviderCaller caller, CredentialPayload payload, CancellationToken cancellationToken);

    Task<Stored<Credential>> UpdateAsync(ProviderCaller caller, Guid id, CredentialPayload payload, string? ifMatch, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);
}

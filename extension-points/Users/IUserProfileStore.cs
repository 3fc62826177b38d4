namespace Meshery.ExtensionPoints.Users;

/// <summary>Capability <c>users-profile</c>: the caller's profile, and other users' by id.</summary>
public interface IUserProfileStore
{
    Task<MesheryUser> GetCurrentAsync(ProviderCaller caller, CancellationToken cancellationToken);

    Task<MesheryUser?> GetAsync(ProviderCaller caller, Guid userId, CancellationToken cancellationToken);
}

using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Users;

namespace Meshery.Agent.LocalProvider.Identity;

/// <summary>The one user of offline mode, with the id upstream Meshery gives it.</summary>
public static class LocalUser
{
    public const string ProviderName = "None";

    public static Guid Id { get; } = DeterministicGuid.CreateVersion5(DeterministicGuid.DnsNamespace, "meshery-local-provider-user");

    public static Guid OrganizationId { get; } = DeterministicGuid.CreateVersion5(Id, "meshery-local-organization");

    public static ProviderCaller Caller { get; } = new(Id);

    public static MesheryUser Profile { get; } = new()
    {
        Id = Id,
        UserId = "meshery",
        Provider = ProviderName,
        Email = "meshery@meshery.local",
        FirstName = "Meshery",
        LastName = "Meshery",
        Status = "active",
        RoleNames = ["admin"],
    };
}

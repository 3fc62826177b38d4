using Meshery.ExtensionPoints.Preferences;

namespace Meshery.ExtensionPoints.Users;

/// <summary>A signed-in user as a provider describes them (schemas v1beta3 user).</summary>
public sealed record MesheryUser
{
    public Guid Id { get; set; }

    /// <summary>The user's login name at the provider.</summary>
    public string? UserId { get; set; }

    public string? Provider { get; set; }

    public string? Email { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? AvatarUrl { get; set; }

    public string? Status { get; set; }

    public string? Bio { get; set; }

    public IReadOnlyList<string> RoleNames { get; set; } = [];

    public UserPreferences? Preferences { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

using System.Text.Json.Serialization;

namespace Meshery.Provider.Identity.Accounts;

/// <summary>A person who signs in with e-mail and password. <see cref="Id"/> is the user id every token carries as <c>sub</c>.</summary>
public sealed class Account
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    public string NormalizedEmail { get; set; } = "";

    public string? Name { get; set; }

    /// <summary>ASP.NET Core Identity's <c>PasswordHasher</c> format (PBKDF2, versioned).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int AccessFailedCount { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    [JsonIgnore]
    public string? ETag { get; set; }
}

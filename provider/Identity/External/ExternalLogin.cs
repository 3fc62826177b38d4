namespace Meshery.Provider.Identity.External;

/// <summary>The link of an external identity (issuer + subject) to an account.</summary>
public sealed class ExternalLogin
{
    public string Issuer { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>The linked account's id (<c>sub</c> of what this provider issues).</summary>
    public Guid UserId { get; set; }

    /// <summary>The account's table key (its normalized e-mail or external key), for a point read.</summary>
    public string AccountKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

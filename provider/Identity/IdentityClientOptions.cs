using System.ComponentModel.DataAnnotations;

namespace Meshery.Provider.Identity;

/// <summary>One registered client (<c>Meshery:Provider:Identity:Clients:N</c>).</summary>
public sealed class IdentityClientOptions
{
    [Required]
    public string ClientId { get; set; } = "";

    /// <summary>
    /// <c>meshery</c>: a Meshery server (authorization code + PKCE, refresh; its redirect URIs are also the
    /// callbacks <c>/login</c> may send a token to); <c>cli</c>: a public device-flow client;
    /// <c>agent</c>: client credentials.
    /// </summary>
    [Required]
    [RegularExpression("^(meshery|cli|agent)$", ErrorMessage = "Kind must be meshery, cli or agent.")]
    public string Kind { get; set; } = "meshery";

    /// <summary>Required for agents; optional for Meshery servers (public clients with PKCE otherwise).</summary>
    public string? ClientSecret { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>Exact redirect URIs (a Meshery server's <c>/api/user/token</c> callback among them).</summary>
    public IList<string> RedirectUris { get; } = [];

    public IList<string> PostLogoutRedirectUris { get; } = [];

    /// <summary>For agents: the user (UUID) whose data the agent's tokens act on (<c>sub</c>).</summary>
    public Guid? UserId { get; set; }
}

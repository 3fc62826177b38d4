using System.Text.Json.Serialization;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>A registered client, as OpenIddict's application store keeps it. Its id is its client id.</summary>
public sealed class IdentityApplication
{
    public string? Id { get; set; }

    public string? ApplicationType { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? ClientType { get; set; }

    public string? ConsentType { get; set; }

    public string? DisplayName { get; set; }

    public Dictionary<string, string> DisplayNames { get; set; } = [];

    public string? JsonWebKeySet { get; set; }

    public List<string> Permissions { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];

    public string? Properties { get; set; }

    public List<string> RedirectUris { get; set; } = [];

    public List<string> Requirements { get; set; } = [];

    public Dictionary<string, string> Settings { get; set; } = [];

    [JsonIgnore]
    public string? ETag { get; set; }
}

using System.Text.Json.Serialization;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>A grant of scopes by a subject to a client; the tokens of one sign-in hang off it (the refresh token family).</summary>
public sealed class IdentityAuthorization
{
    public string? Id { get; set; }

    public string? ApplicationId { get; set; }

    public DateTimeOffset? CreationDate { get; set; }

    public string? Properties { get; set; }

    public List<string> Scopes { get; set; } = [];

    public string? Status { get; set; }

    public string? Subject { get; set; }

    public string? Type { get; set; }

    [JsonIgnore]
    public string? ETag { get; set; }
}

using System.Text.Json.Serialization;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>One issued token's entry: its status is what revocation and reuse detection change.</summary>
public sealed class IdentityToken
{
    public string? Id { get; set; }

    public string? ApplicationId { get; set; }

    public string? AuthorizationId { get; set; }

    public DateTimeOffset? CreationDate { get; set; }

    public DateTimeOffset? ExpirationDate { get; set; }

    public string? Payload { get; set; }

    public string? Properties { get; set; }

    public DateTimeOffset? RedemptionDate { get; set; }

    public string? ReferenceId { get; set; }

    public string? Status { get; set; }

    public string? Subject { get; set; }

    public string? Type { get; set; }

    [JsonIgnore]
    public string? ETag { get; set; }
}

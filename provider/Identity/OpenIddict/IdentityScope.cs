using System.Text.Json.Serialization;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>A scope clients may ask for. Its id is its name.</summary>
public sealed class IdentityScope
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public Dictionary<string, string> Descriptions { get; set; } = [];

    public string? DisplayName { get; set; }

    public Dictionary<string, string> DisplayNames { get; set; } = [];

    public string? Properties { get; set; }

    public List<string> Resources { get; set; } = [];

    [JsonIgnore]
    public string? ETag { get; set; }
}

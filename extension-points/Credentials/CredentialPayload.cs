using System.Text.Json.Nodes;

namespace Meshery.ExtensionPoints.Credentials;

/// <summary>What a client sends to create or update a credential.</summary>
public sealed record CredentialPayload
{
    public Guid? Id { get; set; }

    public string? Name { get; set; }

    public string? Type { get; set; }

    public JsonObject? Secret { get; set; }
}

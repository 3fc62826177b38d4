using System.Text.Json.Nodes;

namespace Meshery.ExtensionPoints.Credentials;

/// <summary>
/// A secret Meshery uses to reach a connection (a kubeconfig's auth, an API key). Providers keep
/// <see cref="Secret"/> encrypted at rest and leave it out of lists.
/// </summary>
public sealed record Credential
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Guid? UserId { get; set; }

    public string Type { get; set; } = "";

    public JsonObject? Secret { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}

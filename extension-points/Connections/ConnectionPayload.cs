using System.Text.Json.Nodes;

namespace Meshery.ExtensionPoints.Connections;

/// <summary>
/// What a client sends to register or update a connection. <see cref="CredentialSecret"/>, when
/// given, is stored as a new credential and linked by id; it is never echoed back.
/// </summary>
public sealed record ConnectionPayload
{
    public Guid? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Url { get; set; }

    public string? Kind { get; set; }

    public string? Type { get; set; }

    public string? SubType { get; set; }

    public string? Status { get; set; }

    public JsonObject? Metadata { get; set; }

    public JsonObject? CredentialSecret { get; set; }

    public Guid? CredentialId { get; set; }

    public bool SkipCredentialVerification { get; set; }
}

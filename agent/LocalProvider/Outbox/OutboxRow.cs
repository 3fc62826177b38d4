namespace Meshery.Agent.LocalProvider.Outbox;

/// <summary>
/// One recorded change: the CloudEvent attributes, whose data it is, the entity's wire record (null for a
/// delete) and, for a credential, its secret still encrypted as the credentials table holds it.
/// </summary>
public sealed record OutboxRow(
    long Seq,
    string EventId,
    string Type,
    string Source,
    string Subject,
    DateTimeOffset Time,
    Guid Owner,
    string? OrganizationId,
    string? Data,
    byte[]? Secret);

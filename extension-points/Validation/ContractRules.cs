using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Events;

namespace Meshery.ExtensionPoints.Validation;

/// <summary>
/// How a store turns what a client sent into what it keeps, written once so every implementation of
/// the contract (Local, hosted) stores the same thing for the same input.
/// </summary>
public static class ContractRules
{
    /// <summary>Longest event description kept.</summary>
    public const int MaxEventDescriptionLength = 10_000;

    /// <summary>A connection updated with the members the payload names; the rest stays.</summary>
    public static Connection Merge(Connection current, ConnectionPayload payload, string status, Guid? credentialId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(payload);
        return current with
        {
            Name = payload.Name?.Trim() ?? current.Name,
            Description = payload.Description ?? current.Description,
            Url = payload.Url ?? current.Url,
            Kind = payload.Kind ?? current.Kind,
            Type = payload.Type ?? current.Type,
            SubType = payload.SubType ?? current.SubType,
            Status = status,
            Metadata = payload.Metadata ?? current.Metadata,
            CredentialId = credentialId,
            UpdatedAt = now,
        };
    }

    /// <summary>An event as it is recorded for <paramref name="caller"/>: checked, defaulted and stamped.</summary>
    public static MesheryEvent NewEvent(ProviderCaller caller, MesheryEvent @event, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(@event);
        return @event with
        {
            Id = ContractValidation.NewIdIfEmpty(@event.Id),
            Owner = caller.UserId,
            SystemId = @event.SystemId ?? caller.SystemId,
            Category = ContractValidation.OptionalText(@event.Category, "category", ContractValidation.MaxNameLength),
            Action = ContractValidation.OptionalText(@event.Action, "action", ContractValidation.MaxNameLength),
            Severity = ContractValidation.OneOf(@event.Severity, "severity", EventSeverities.IsKnown, EventSeverities.Informational),
            Status = ContractValidation.OneOf(@event.Status, "status", EventStatuses.IsKnown, EventStatuses.Unread),
            Description = ContractValidation.OptionalText(@event.Description, "description", MaxEventDescriptionLength),
            CreatedAt = @event.CreatedAt ?? now,
            UpdatedAt = now,
        };
    }
}

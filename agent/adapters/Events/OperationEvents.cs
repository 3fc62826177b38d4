using Meshery.Agent.Adapters.Operations;
using Meshery.Agent.Adapters.Protos;

namespace Meshery.Agent.Adapters.Events;

/// <summary>Builds the events of one operation, each carrying its operation id and the adapter as component.</summary>
public sealed class OperationEvents(string operationId, string component, string componentName)
{
    public EventsResponse Info(string summary, string details) => New(EventType.Info, summary, details);

    public EventsResponse Error(string summary, OperationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var response = New(EventType.Error, summary, failure.Details);
        response.ProbableCause = failure.ProbableCause;
        response.SuggestedRemediation = failure.SuggestedRemediation;
        response.ErrorCode = failure.ErrorCode;
        return response;
    }

    private EventsResponse New(EventType type, string summary, string details) => new()
    {
        EventType = type,
        Summary = summary,
        Details = details,
        OperationId = operationId,
        Component = component,
        ComponentName = componentName,
    };
}

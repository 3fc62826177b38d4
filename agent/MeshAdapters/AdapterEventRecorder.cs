using System.Text.Json.Nodes;
using Meshery.Agent.Adapters.Protos;
using Meshery.Agent.Hosting;
using Meshery.ExtensionPoints.Events;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.MeshAdapters;

/// <summary>
/// Turns an adapter's events into the agent's events (the provider's event store, which the events API and UI read),
/// for the user who started the operation. Events of operations this agent did not start are dropped: they name no user.
/// </summary>
public sealed class AdapterEventRecorder(
    AdapterOperationLog operations,
    IEventStore events,
    AgentInstance instance,
    TimeProvider time,
    ILogger<AdapterEventRecorder> logger)
{
    public const string Category = "adapter";

    public async Task RecordAsync(string location, MeshAdapterState state, EventsResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(response);
        if (operations.Find(response.OperationId) is not { } operation)
        {
            MeshAdapterLog.EventOfUnknownOperation(logger, location, response.OperationId);
            return;
        }

        var now = time.GetUtcNow();
        var @event = new MesheryEvent
        {
            Id = Guid.CreateVersion7(now),
            Owner = operation.Caller.UserId,
            SystemId = instance.Id,
            OperationId = operation.Id,
            Category = Category,
            Action = operation.OpName,
            Severity = response.EventType switch
            {
                Meshery.Agent.Adapters.Protos.EventType.Error => EventSeverities.Error,
                Meshery.Agent.Adapters.Protos.EventType.Warn => EventSeverities.Warning,
                _ => EventSeverities.Informational,
            },
            Description = response.Summary,
            Metadata = Metadata(location, state, response),
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            await events.CreateAsync(operation.Caller, @event, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The stream goes on; one event lost is better than every later one.
            MeshAdapterLog.EventNotRecorded(logger, location, response.OperationId, ex);
        }
    }

    private static JsonObject Metadata(string location, MeshAdapterState state, EventsResponse response)
    {
        var metadata = new JsonObject { ["adapter"] = location };
        Add(metadata, "meshName", state.Name);
        Add(metadata, "details", response.Details);
        Add(metadata, "probableCause", response.ProbableCause);
        Add(metadata, "suggestedRemediation", response.SuggestedRemediation);
        Add(metadata, "errorCode", response.ErrorCode);
        Add(metadata, "component", response.Component);
        Add(metadata, "componentName", response.ComponentName);
        return metadata;
    }

    private static void Add(JsonObject metadata, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            metadata[key] = value;
        }
    }
}

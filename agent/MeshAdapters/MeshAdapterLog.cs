using Microsoft.Extensions.Logging;

namespace Meshery.Agent.MeshAdapters;

internal static partial class MeshAdapterLog
{
    [LoggerMessage(2601, LogLevel.Information, "Adapter {Location} is live ({MeshName})")]
    public static partial void AdapterLive(ILogger logger, string location, string meshName);

    [LoggerMessage(2602, LogLevel.Warning, "Adapter {Location} is not live: {Reason}")]
    public static partial void AdapterNotLive(ILogger logger, string location, string? reason);

    [LoggerMessage(2603, LogLevel.Information, "Receiving events of adapter {Location}")]
    public static partial void EventsOpened(ILogger logger, string location);

    [LoggerMessage(2604, LogLevel.Information, "Events of adapter {Location} stopped: {Reason}")]
    public static partial void EventsEnded(ILogger logger, string location, string reason);

    [LoggerMessage(2605, LogLevel.Debug, "Adapter {Location} sent an event of operation {OperationId}, which this agent did not start; dropped")]
    public static partial void EventOfUnknownOperation(ILogger logger, string location, string operationId);

    [LoggerMessage(2606, LogLevel.Warning, "An event of adapter {Location} (operation {OperationId}) could not be recorded")]
    public static partial void EventNotRecorded(ILogger logger, string location, string operationId, Exception exception);

    [LoggerMessage(2607, LogLevel.Information, "Sent operation {OpName} ({OperationId}) to adapter {Location} for user {UserId}")]
    public static partial void OperationSent(ILogger logger, string opName, Guid operationId, string location, Guid userId);

    [LoggerMessage(2608, LogLevel.Warning, "Adapter location '{Location}' is ignored: {Reason}")]
    public static partial void LocationIgnored(ILogger logger, string location, string reason);

    [LoggerMessage(2609, LogLevel.Warning, "Adapter {Location} is not watched: {Max} adapters are watched already")]
    public static partial void TooManyAdapters(ILogger logger, string location, int max);
}

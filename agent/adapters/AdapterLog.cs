using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Adapters;

internal static partial class AdapterLog
{
    [LoggerMessage(4001, LogLevel.Information, "Adapter {MeshName} serves meshes.MeshService on port {Port}")]
    public static partial void Listening(ILogger logger, string meshName, int port);

    [LoggerMessage(4002, LogLevel.Information, "Operation {OpName} ({OperationId}) started: namespace {Namespace}, delete {DeleteOp}, {Clusters} kubeconfig(s)")]
    public static partial void OperationStarted(ILogger logger, string opName, string operationId, string @namespace, bool deleteOp, int clusters);

    [LoggerMessage(4003, LogLevel.Information, "Operation {OpName} ({OperationId}) succeeded")]
    public static partial void OperationSucceeded(ILogger logger, string opName, string operationId);

    [LoggerMessage(4004, LogLevel.Warning, "Operation {OpName} ({OperationId}) failed ({ErrorCode}): {Details}")]
    public static partial void OperationFailed(ILogger logger, string opName, string operationId, string errorCode, string details);

    [LoggerMessage(4005, LogLevel.Error, "Operation {OperationId} failed unexpectedly")]
    public static partial void OperationCrashed(ILogger logger, string operationId, Exception exception);

    [LoggerMessage(4006, LogLevel.Warning, "A StreamEvents subscriber fell {Buffer} events behind and was dropped")]
    public static partial void SubscriberDropped(ILogger logger, int buffer);

    [LoggerMessage(4007, LogLevel.Information, "Registered component {Kind} with {ServerUrl} after {Attempts} attempt(s)")]
    public static partial void Registered(ILogger logger, string kind, string serverUrl, int attempts);

    [LoggerMessage(4008, LogLevel.Warning, "Registration with {ServerUrl} failed (attempt {Attempt}: {Reason}); retrying in {Delay}")]
    public static partial void RegistrationRetry(ILogger logger, string serverUrl, int attempt, string reason, TimeSpan delay);
}

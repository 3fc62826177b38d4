using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Performance;

internal static partial class PerformanceRunLog
{
    [LoggerMessage(2911, LogLevel.Information, "Performance profile {ProfileId} run {TestId} started at Meshery Perf {Address}")]
    public static partial void RunStarted(ILogger logger, Guid profileId, string testId, string address);

    [LoggerMessage(2912, LogLevel.Information, "Performance profile {ProfileId} run {TestId} stored as result {ResultId}")]
    public static partial void RunStored(ILogger logger, Guid profileId, string testId, Guid resultId);

    [LoggerMessage(2913, LogLevel.Warning, "Performance profile {ProfileId} run {TestId} failed: {Reason}")]
    public static partial void RunFailed(ILogger logger, Guid profileId, string testId, string reason);

    [LoggerMessage(2914, LogLevel.Warning, "Meshery Perf at {Address} refused a run: {StatusCode} {Detail}")]
    public static partial void RunRefused(ILogger logger, string address, Grpc.Core.StatusCode statusCode, string detail);
}

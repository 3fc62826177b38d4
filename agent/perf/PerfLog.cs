using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Perf;

internal static partial class PerfLog
{
    [LoggerMessage(2901, LogLevel.Information, "Meshery Perf serves meshery.perf.v1.PerfService on port {Port}")]
    public static partial void Listening(ILogger logger, int port);

    [LoggerMessage(2902, LogLevel.Information, "Load test {TestId} started: {LoadGenerator} against {Url}, {Connections} connection(s), qps {Qps}, {Duration}")]
    public static partial void TestStarted(ILogger logger, string testId, string loadGenerator, Uri url, int connections, double qps, TimeSpan duration);

    [LoggerMessage(2903, LogLevel.Information, "Load test {TestId} finished: {Requests} request(s), {Errors} error(s), {ActualQps:0.0} qps")]
    public static partial void TestFinished(ILogger logger, string testId, long requests, long errors, double actualQps);

    [LoggerMessage(2904, LogLevel.Information, "Load test {TestId} was cancelled")]
    public static partial void TestCancelled(ILogger logger, string testId);

    [LoggerMessage(2905, LogLevel.Warning, "Load test refused: {Reason}")]
    public static partial void TestRefused(ILogger logger, string reason);
}

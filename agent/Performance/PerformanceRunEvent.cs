using Meshery.ExtensionPoints.Performance;

namespace Meshery.Agent.Performance;

/// <summary>
/// One server-sent event of a run, as Meshery server sends them: <c>status</c> info, error or success, a message, and
/// on success the stored result. <c>progress</c> (ours) carries a running test's numbers beside the message.
/// </summary>
public sealed record PerformanceRunEvent
{
    public const string Info = "info";
    public const string Error = "error";
    public const string Success = "success";

    public string Status { get; set; } = Info;

    public string Message { get; set; } = "";

    public PerformanceResult? Result { get; set; }

    public PerformanceRunProgress? Progress { get; set; }
}

using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Sync;

/// <summary>The sender's log lines (2801-2820). Tokens and event data are never logged.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(2801, LogLevel.Information, "Sent {Count} change(s) to the provider ({Duplicates} already there); {Pending} left")]
    public static partial void Sent(ILogger logger, int count, int duplicates, long pending);

    [LoggerMessage(2802, LogLevel.Warning, "Sending changes to the provider failed; next try in {Delay}: {Reason}")]
    public static partial void SendFailed(ILogger logger, TimeSpan delay, string reason);

    [LoggerMessage(2803, LogLevel.Information, "The provider refused the sync session; waiting for the user to sign in again")]
    public static partial void SessionRefused(ILogger logger);

    [LoggerMessage(2805, LogLevel.Warning, "The provider refused a batch of {Count} change(s); sending {Next} at a time to find the refused one: {Reason}")]
    public static partial void BatchSplit(ILogger logger, int count, int next, string reason);

    [LoggerMessage(2806, LogLevel.Warning, "The provider refused the change {Type} {Subject} on its own; it is kept in sync_rejected and the changes behind it go on: {Reason}")]
    public static partial void ChangeRejected(ILogger logger, string type, string subject, string reason);

    [LoggerMessage(2804, LogLevel.Error, "The sync sender failed unexpectedly; next try in {Delay}")]
    public static partial void Crashed(ILogger logger, TimeSpan delay, Exception exception);
}

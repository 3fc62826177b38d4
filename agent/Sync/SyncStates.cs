namespace Meshery.Agent.Sync;

/// <summary>The sender's states as <c>GET /api/system/sync</c> names them.</summary>
public static class SyncStates
{
    public const string Disabled = "disabled";
    public const string WaitingForSession = "waiting-for-session";
    public const string Idle = "idle";
    public const string Sending = "sending";
    public const string BackingOff = "backing-off";
}

namespace Meshery.Agent.Sync;

/// <summary>The sender's progress, shared with the status endpoint.</summary>
public sealed class SyncProgress
{
    private readonly Lock _gate = new();
    private readonly SyncStatusReport _report = new() { State = SyncStates.WaitingForSession };

    public void Set(string state, DateTimeOffset? nextAttempt = null)
    {
        lock (_gate)
        {
            _report.State = state;
            _report.NextAttempt = nextAttempt;
        }
    }

    public void Attempted(DateTimeOffset at)
    {
        lock (_gate)
        {
            _report.LastAttempt = at;
            _report.State = SyncStates.Sending;
        }
    }

    public void Succeeded(DateTimeOffset at, int sent, int duplicates)
    {
        lock (_gate)
        {
            _report.LastSuccess = at;
            _report.Sent += sent;
            _report.Duplicates += duplicates;
        }
    }

    public void Failed(DateTimeOffset at, string error)
    {
        lock (_gate)
        {
            _report.LastError = error;
            _report.LastErrorAt = at;
        }
    }

    public SyncStatusReport Snapshot(bool enabled, long pending, long rejected)
    {
        lock (_gate)
        {
            return _report with { Enabled = enabled, Pending = pending, Rejected = rejected, State = enabled ? _report.State : SyncStates.Disabled };
        }
    }
}

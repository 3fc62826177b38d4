using Meshery.Agent.RemoteProvider.Tokens;

namespace Meshery.Agent.Sync;

/// <summary>
/// The session the sender uses: the last one the agent verified for a request to the remote provider (or a
/// sign-in). Kept in memory only, so no token is written to disk; after a restart sending resumes with the
/// next signed-in request. The sender never refreshes it (that would rotate the refresh token the browser holds).
/// </summary>
public sealed class SyncSessions
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _arrived = new(0, 1);
    private RemoteSession? _current;

    public RemoteSession? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public void Remember(RemoteSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            var changed = _current?.Token.Value != session.Token.Value;
            _current = session;
            if (changed && _arrived.CurrentCount == 0)
            {
                _arrived.Release();
            }
        }
    }

    /// <summary>Drops <paramref name="session"/> (the provider refused it) unless a newer one replaced it.</summary>
    public void Forget(RemoteSession session)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, session))
            {
                _current = null;
            }
        }
    }

    /// <summary>Waits until a new session is remembered or <paramref name="timeout"/> passes.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _arrived.WaitAsync(timeout, cancellationToken);
}

using System.Collections.Concurrent;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.ExtensionPoints;

namespace Meshery.Agent.Telemetry;

/// <summary>
/// The users whose Prometheus connections the ongoing check visits: the local user, and each user who has used a
/// telemetry route since the agent started (stores answer per user, so the check acts for each of them in turn).
/// </summary>
public sealed class TelemetryCallers
{
    private readonly ConcurrentDictionary<Guid, ProviderCaller> _callers = new();

    public TelemetryCallers() => _callers[LocalUser.Id] = LocalUser.Caller;

    public IReadOnlyCollection<ProviderCaller> All => _callers.Values.ToList();

    /// <summary>Keeps the latest caller of each user (a remote session's newest token).</summary>
    public void Remember(ProviderCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        _callers[caller.UserId] = caller;
    }
}

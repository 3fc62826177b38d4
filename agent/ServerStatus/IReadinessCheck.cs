namespace Meshery.Agent.ServerStatus;

/// <summary>A module's line in <c>/readyz</c>; a <see cref="ReadinessCheckResult.Required"/> failure makes the agent not ready.</summary>
public interface IReadinessCheck
{
    string Name { get; }

    ReadinessCheckResult Check();
}

namespace Meshery.Cli.Tests.Support;

/// <summary>Tests that run mesheryctl with its current context pointed at <paramref name="agent"/>.</summary>
public abstract class AgentCliTests(InProcessAgent agent) : IAsyncLifetime
{
    protected InProcessAgent Agent { get; } = agent;

    protected CliHarness Cli { get; } = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => await AgentContext.UseAsync(Cli, Agent.Url);

    public virtual ValueTask DisposeAsync()
    {
        Cli.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

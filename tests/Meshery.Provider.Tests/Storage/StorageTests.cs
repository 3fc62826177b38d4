using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage;

/// <summary>Base of the tests against Azurite: a fresh <see cref="StorageHarness"/> per test, Azurite's log on failure.</summary>
[Collection(StorageCollection.Name)]
public abstract class StorageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageHarness? _harness;

    protected AzuriteFixture Azurite { get; } = azurite;

    protected StorageHarness Harness => _harness ?? throw new InvalidOperationException("The harness starts in InitializeAsync.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The clock the stores get; null for the system clock.</summary>
    protected virtual TimeProvider? Time => null;

    public virtual async ValueTask InitializeAsync() => _harness = await StorageHarness.StartAsync(Azurite, Time);

    public virtual async ValueTask DisposeAsync()
    {
        Azurite.WriteLogIfTestFailed();
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected T Store<T>()
        where T : notnull => Harness.Get<T>();
}

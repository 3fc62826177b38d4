using Meshery.ExtensionPoints;

namespace Meshery.Agent.Tests.Support;

/// <summary>
/// What every Local provider test starts from: its own temp folder with a database file, the stores
/// over it, and a caller of its own.
/// </summary>
public abstract class LocalProviderTest : IAsyncDisposable
{
    protected LocalProviderTest()
    {
        Folder = new TempFolder();
        Local = new LocalProviderHarness(DatabasePath);
    }

    protected TempFolder Folder { get; }

    protected LocalProviderHarness Local { get; }

    protected string DatabasePath => Folder.File("mesherydb.sql");

    protected ProviderCaller Caller { get; } = new(Guid.NewGuid());

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await Local.DisposeAsync();
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }
}

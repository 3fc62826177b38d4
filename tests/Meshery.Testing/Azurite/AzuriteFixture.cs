using System.Globalization;
using Meshery.Testing.Naming;
using Meshery.Testing.Network;
using Meshery.Testing.Paths;
using Meshery.Testing.Processes;
using Meshery.Testing.Storage;

namespace Meshery.Testing.Azurite;

/// <summary>
/// A real Azurite (blob, queue and table services, in memory, telemetry off) on free loopback
/// ports, run from the repository's pinned install in <c>tools/azurite</c>. Share it with
/// <c>ICollectionFixture</c> and isolate tests with table and container names from <see cref="NextId"/>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The well-known development account of every Azure Storage emulator.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known development account key (public, not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // Longer than HttpClient's pooled-connection idle timeout (1 minute), so Azurite never closes
    // a connection that a client is about to reuse (its default is 5 s).
    private const string KeepAliveSeconds = "120";

    private readonly IdSequence _ids = new();
    private readonly ProcessLog _log = new(4000);
    private TempDirectory? _workspace;
    private ManagedProcess? _process;

    public AzuriteFixture()
    {
        var ports = FreePort.Next(3);
        BlobPort = ports[0];
        QueuePort = ports[1];
        TablePort = ports[2];
        BlobEndpoint = new Uri($"http://127.0.0.1:{BlobPort}/{AccountName}");
        QueueEndpoint = new Uri($"http://127.0.0.1:{QueuePort}/{AccountName}");
        TableEndpoint = new Uri($"http://127.0.0.1:{TablePort}/{AccountName}");
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
            + $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public Uri TableEndpoint { get; }

    /// <summary>A storage connection string for <c>TableServiceClient</c>, <c>BlobServiceClient</c> and <c>QueueServiceClient</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>Azurite's output, for printing when a test fails.</summary>
    public ProcessLog Log => _log;

    /// <summary>A unique name, valid as a table name and as a blob container name.</summary>
    public string NextId() => _ids.Next();

    /// <summary>The Azurite launcher in the repository's <c>tools/azurite</c> install.</summary>
    public static string FindExecutable()
    {
        var path = RepositoryRoot.Combine("tools", "azurite", "node_modules", ".bin", "azurite");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"Azurite was not found at {path}. Run scripts/setup.sh (it runs npm ci in tools/azurite).");
    }

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _workspace = new TempDirectory("meshery-azurite-");
        _process = ManagedProcess.Start(new ManagedProcessOptions("azurite", FindExecutable())
        {
            Arguments =
            [
                "--blobHost", "127.0.0.1", "--blobPort", Format(BlobPort), "--blobKeepAliveTimeout", KeepAliveSeconds,
                "--queueHost", "127.0.0.1", "--queuePort", Format(QueuePort), "--queueKeepAliveTimeout", KeepAliveSeconds,
                "--tableHost", "127.0.0.1", "--tablePort", Format(TablePort), "--tableKeepAliveTimeout", KeepAliveSeconds,
                "--inMemoryPersistence",
                "--skipApiVersionCheck",
                "--disableTelemetry",
                "--loose",
            ],
            WorkingDirectory = _workspace.Path,
            Log = _log,
        });
        try
        {
            await _process.WaitUntilReadyAsync(
                ReadinessProbe.All(
                    ReadinessProbe.TcpPort(BlobPort),
                    ReadinessProbe.TcpPort(QueuePort),
                    ReadinessProbe.TcpPort(TablePort)),
                StartTimeout,
                cancellationToken);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await process.DisposeAsync();
        }

        _workspace?.Dispose();
        _workspace = null;
    }

    /// <summary>Writes Azurite's log to the test output when the current test failed; call it from the test class's dispose.</summary>
    public void WriteLogIfTestFailed() => _log.WriteToTestOutputIfFailed($"azurite {BlobEndpoint.Authority}");

    private static string Format(int port) => port.ToString(CultureInfo.InvariantCulture);
}

using Meshery.Testing.Naming;
using Meshery.Testing.Network;
using Meshery.Testing.Processes;

namespace Meshery.Testing.Nats;

/// <summary>
/// A real <c>nats-server</c> on free loopback ports: clients on <see cref="Url"/>, HTTP monitoring
/// (<c>/varz</c>, <c>/connz</c>, <c>/healthz</c>) on <see cref="MonitorUrl"/>. Tests can stop and start
/// the broker; it always comes back on the same ports. Share it with <c>ICollectionFixture</c> and
/// isolate tests with subjects built from <see cref="NextId"/>.
/// </summary>
public sealed class NatsServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly string[] Candidates = ["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"];

    private readonly IdSequence _ids = new();
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly ProcessLog _log = new(4000);
    private ManagedProcess? _process;
    private int _runs;

    public NatsServerFixture()
    {
        Port = FreePort.Next();
        MonitorPort = FreePort.Next();
        Url = $"nats://127.0.0.1:{Port}";
        MonitorUrl = new Uri($"http://127.0.0.1:{MonitorPort}");
    }

    /// <summary>The client port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The HTTP monitoring port on 127.0.0.1.</summary>
    public int MonitorPort { get; }

    /// <summary>The client URL, <c>nats://127.0.0.1:port</c>.</summary>
    public string Url { get; }

    /// <summary>The monitoring base URL, <c>http://127.0.0.1:port</c>; e.g. <c>new Uri(MonitorUrl, "/connz")</c>.</summary>
    public Uri MonitorUrl { get; }

    /// <summary>True while a broker process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The broker's output over all its runs, for printing when a test fails.</summary>
    public ProcessLog Log => _log;

    /// <summary>A unique token for subjects, queue groups and names, e.g. <c>$"meshery.{nats.NextId()}.events"</c>.</summary>
    public string NextId() => _ids.Next();

    public async ValueTask InitializeAsync() => await StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _lifecycle.Dispose();
    }

    /// <summary>Starts the broker on <see cref="Port"/> and waits until it is healthy. Does nothing when it runs already.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (IsRunning)
            {
                return;
            }

            await StartCoreAsync(cancellationToken);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Kills the broker (like a crash: no goodbye to clients) and waits until it has exited.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            await StopCoreAsync();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Kills the broker and starts it again on the same ports.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            await StopCoreAsync();
            await StartCoreAsync(cancellationToken);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Writes the broker's log to the test output when the current test failed; call it from the test class's dispose.</summary>
    public void WriteLogIfTestFailed() => _log.WriteToTestOutputIfFailed($"nats-server {Url}");

    /// <summary>The <c>nats-server</c> executable: on <c>PATH</c>, else in the usual Debian places.</summary>
    public static string FindExecutable()
    {
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "nats-server"));
        return fromPath.Concat(Candidates).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "nats-server was not found on PATH or in /usr/sbin. Run scripts/setup.sh (it installs the Debian package nats-server).");
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var run = ++_runs;
        var process = ManagedProcess.Start(new ManagedProcessOptions("nats-server", FindExecutable())
        {
            Arguments =
            [
                "-a", "127.0.0.1",
                "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-m", MonitorPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-n", $"meshery-test-{Port}",
            ],
            Log = _log,
        });
        _log.Append("run", $"run {run} of the fixture's broker");
        _process = process;
        try
        {
            await process.WaitUntilReadyAsync(
                ReadinessProbe.All(
                    ReadinessProbe.TcpPort(Port),
                    ReadinessProbe.HttpOk(new Uri(MonitorUrl, "/healthz"))),
                StartTimeout,
                cancellationToken);
        }
        catch
        {
            await StopCoreAsync();
            throw;
        }
    }

    private async Task StopCoreAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        await process.DisposeAsync();
    }
}

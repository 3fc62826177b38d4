using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Broker;

/// <summary>
/// Starts <c>nats-server</c> as a child process when the broker module is on and no broker URL is
/// configured, waits until it accepts clients, and kills it when the agent stops. A failure to start
/// is logged and reported by <see cref="Status"/>; the agent keeps serving without a broker.
/// </summary>
public sealed class NatsServerProcess(
    IOptions<BrokerOptions> options, IOptions<AgentModulesOptions> modules, ILogger<NatsServerProcess> logger) : IHostedService, IDisposable
{
    private static readonly string[] Candidates = ["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"];
    private readonly Queue<string> _lastLines = new();
    private Process? _process;
    private volatile string _status = "not started";

    /// <summary>What the child broker is doing, for <c>/readyz</c>.</summary>
    public string Status => _status;

    /// <summary>The child's process id while it runs.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var broker = options.Value;
        if (!modules.Value.Broker)
        {
            _status = "broker module off";
            return;
        }

        if (!broker.StartsChild)
        {
            _status = "external broker " + broker.EffectiveUrl;
            return;
        }

        if (await AcceptsAsync(broker.Host, broker.Port, cancellationToken))
        {
            BrokerLog.UsingExisting(logger, broker.EffectiveUrl);
            _status = "using the broker already listening on " + broker.EffectiveUrl;
            return;
        }

        try
        {
            await StartChildAsync(broker, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            _status = "nats-server failed to start: " + ex.Message;
            BrokerLog.ChildFailed(logger, ex.Message, ex);
            Kill();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not { } process)
        {
            return;
        }

        var pid = process.Id;
        Kill();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown gave up waiting; the kill has been sent.
        }

        _status = "stopped";
        BrokerLog.ChildStopped(logger, pid);
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
    }

    /// <summary>The <c>nats-server</c> executable: the configured one, else on PATH, else the usual Debian places.</summary>
    public static string? FindExecutable(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "nats-server"));
        return fromPath.Concat(Candidates).FirstOrDefault(File.Exists);
    }

    private async Task StartChildAsync(BrokerOptions broker, CancellationToken cancellationToken)
    {
        var executable = FindExecutable(broker.Executable)
            ?? throw new InvalidOperationException(
                $"nats-server was not found ({(string.IsNullOrWhiteSpace(broker.Executable) ? "PATH, /usr/sbin, /usr/bin, /usr/local/bin" : broker.Executable)}); install it or set {BrokerOptions.Section}:Url.");
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-a", broker.Host,
            "-p", broker.Port.ToString(CultureInfo.InvariantCulture),
            "-m", broker.MonitorPort.ToString(CultureInfo.InvariantCulture),
            "-n", "meshery-agent-" + broker.Port.ToString(CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.Exited += (_, _) => OnExited(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

        var deadline = Stopwatch.StartNew();
        while (!await AcceptsAsync(broker.Host, broker.Port, cancellationToken))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nats-server exited with code {process.ExitCode}: {LastLines()}");
            }

            if (deadline.Elapsed > broker.StartTimeout)
            {
                throw new TimeoutException($"nats-server did not accept clients on {broker.EffectiveUrl} within {broker.StartTimeout.TotalSeconds:0} s: {LastLines()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        _status = $"running nats-server (pid {process.Id}) on {broker.EffectiveUrl}";
        BrokerLog.ChildStarted(logger, process.Id, broker.EffectiveUrl, broker.MonitorPort);
    }

    private static async Task<bool> AcceptsAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(500));
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        BrokerLog.ChildOutput(logger, line);
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 10)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private string LastLines()
    {
        lock (_lastLines)
        {
            return _lastLines.Count == 0 ? "(no output)" : string.Join(" | ", _lastLines);
        }
    }

    private void OnExited(Process process)
    {
        if (ReferenceEquals(_process, process))
        {
            _status = $"nats-server exited with code {process.ExitCode}";
            BrokerLog.ChildExited(logger, process.Id, process.ExitCode);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        try
        {
            if (_process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}

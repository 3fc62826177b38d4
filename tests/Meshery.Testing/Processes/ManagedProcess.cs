using System.ComponentModel;
using System.Diagnostics;

namespace Meshery.Testing.Processes;

/// <summary>
/// An external process owned by a test fixture: its stdout and stderr go into a bounded
/// <see cref="ProcessLog"/>, <see cref="WaitUntilReadyAsync"/> polls a readiness probe against a
/// deadline, and <see cref="DisposeAsync"/> kills the whole process tree.
/// </summary>
public sealed class ManagedProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private ManagedProcess(ManagedProcessOptions options, Process process, ProcessLog log)
    {
        Options = options;
        _process = process;
        Log = log;
    }

    public ManagedProcessOptions Options { get; }

    public string Name => Options.Name;

    /// <summary>The captured stdout and stderr lines.</summary>
    public ProcessLog Log { get; }

    public int Id => _process.Id;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Completes with the exit code once the process has exited and its output is read.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Starts the process; throws <see cref="InvalidOperationException"/> naming the executable when it cannot start.</summary>
    public static ManagedProcess Start(ManagedProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var startInfo = new ProcessStartInfo(options.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in options.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (options.WorkingDirectory is not null)
        {
            startInfo.WorkingDirectory = options.WorkingDirectory;
        }

        foreach (var (key, value) in options.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(key);
            }
            else
            {
                startInfo.Environment[key] = value;
            }
        }

        var log = options.Log ?? new ProcessLog(options.LogCapacity);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => AppendLine(log, "out", e.Data);
        process.ErrorDataReceived += (_, e) => AppendLine(log, "err", e.Data);

        log.Append("run", $"{options.FileName} {string.Join(' ', options.Arguments)}");
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"{options.Name}: cannot start '{options.FileName}': {ex.Message}", ex);
        }

        var managed = new ManagedProcess(options, process, log);
        ProcessTracker.Track(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        _ = managed.ObserveExitAsync();
        return managed;
    }

    /// <summary>
    /// Polls <paramref name="probe"/> until it returns true. Throws <see cref="TimeoutException"/> when
    /// <paramref name="timeout"/> passes first, and <see cref="InvalidOperationException"/> when the process
    /// exits first; both messages carry the captured log.
    /// </summary>
    public async Task WaitUntilReadyAsync(
        Func<CancellationToken, ValueTask<bool>> probe,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        Exception? lastError = null;
        while (true)
        {
            if (HasExited)
            {
                throw new InvalidOperationException(
                    $"{Name} exited with code {await Exited.ConfigureAwait(false)} before it was ready.{Environment.NewLine}{Log}");
            }

            try
            {
                if (await probe(deadline.Token).ConfigureAwait(false))
                {
                    Log.Append("ready", $"after {clock.Elapsed.TotalMilliseconds:0} ms");
                    return;
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                // Falls through to the deadline check below.
            }
            catch (Exception ex)
            {
                lastError = ex;
            }

            if (deadline.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException(
                    $"{Name} was not ready within {timeout.TotalSeconds:0.#} s"
                    + (lastError is null ? "." : $" (last probe error: {lastError.Message}).")
                    + Environment.NewLine + Log);
            }

            try
            {
                await Task.WhenAny(Exited, Task.Delay(PollInterval, deadline.Token)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                // Loop once more so the deadline check reports the timeout.
            }
        }
    }

    /// <summary>Kills the process tree (no grace period) and waits until it has exited.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (!HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the kill.
            }
            catch (Win32Exception ex)
            {
                Log.Append("kill", ex.Message);
            }
        }

        await Exited.WaitAsync(ExitWait, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await KillAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.Append("kill", $"still running {ExitWait.TotalSeconds:0} s after the kill");
        }
        finally
        {
            ProcessTracker.Untrack(_process);
            _process.Dispose();
        }
    }

    private static void AppendLine(ProcessLog log, string source, string? line)
    {
        if (line is not null)
        {
            log.Append(source, line);
        }
    }

    private async Task ObserveExitAsync()
    {
        // WaitForExitAsync also waits for the redirected streams to reach end of file,
        // so the log is complete when Exited completes.
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        var code = _process.ExitCode;
        Log.Append("exit", $"code {code}");
        ProcessTracker.Untrack(_process);
        _exited.TrySetResult(code);
    }
}

using Meshery.Testing.Network;
using Meshery.Testing.Processes;

namespace Meshery.Testing.Tests.Processes;

public sealed class ManagedProcessTests
{
    [Fact]
    public async Task CapturesOutputAndExitCode()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var process = ManagedProcess.Start(new ManagedProcessOptions("sh", "/bin/sh")
        {
            Arguments = ["-c", "echo out-line; echo err-line >&2; exit 3"],
        });

        var code = await process.Exited.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        Assert.Equal(3, code);
        var log = process.Log.ToString();
        Assert.Contains("out] out-line", log, StringComparison.Ordinal);
        Assert.Contains("err] err-line", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadinessFailsFastWhenTheProcessExits()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var process = ManagedProcess.Start(new ManagedProcessOptions("sh", "/bin/sh")
        {
            Arguments = ["-c", "echo giving-up; exit 7"],
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => process.WaitUntilReadyAsync(
            ReadinessProbe.TcpPort(FreePort.Next()), TimeSpan.FromMinutes(1), cancellationToken));

        Assert.Contains("exited with code 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("giving-up", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadinessTimesOutWithTheLog()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var process = ManagedProcess.Start(new ManagedProcessOptions("sleeper", "/bin/sh")
        {
            Arguments = ["-c", "echo waiting; exec sleep 600"],
        });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => process.WaitUntilReadyAsync(
            _ => ValueTask.FromResult(false), TimeSpan.FromMilliseconds(300), cancellationToken));

        Assert.Contains("sleeper was not ready", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeKillsTheWholeProcessTree()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var process = ManagedProcess.Start(new ManagedProcessOptions("tree", "/bin/sh")
        {
            // The child keeps running in the background; its pid is printed for the check below.
            Arguments = ["-c", "sleep 600 & echo child=$!; wait"],
        });
        var childPid = await WaitForChildPidAsync(process, cancellationToken);

        await process.DisposeAsync();

        Assert.True(process.HasExited);
        await WaitUntilGoneAsync(childPid, cancellationToken);
    }

    // The kill signal reaches the child at once, but the kernel reaps it a moment later.
    private static async Task WaitUntilGoneAsync(int pid, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (IsAlive(pid))
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"child {pid} is still running 30 s after the tree was killed");
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            // Field 3 of /proc/<pid>/stat is the state; Z (zombie) and X (dead) no longer run.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<int> WaitForChildPidAsync(ManagedProcess process, CancellationToken cancellationToken)
    {
        var pid = 0;
        await process.WaitUntilReadyAsync(
            _ =>
            {
                var line = process.Log.Lines().FirstOrDefault(l => l.Contains("out] child=", StringComparison.Ordinal));
                return ValueTask.FromResult(line is not null && int.TryParse(line[(line.IndexOf("child=", StringComparison.Ordinal) + 6)..], out pid));
            },
            TimeSpan.FromSeconds(30),
            cancellationToken);
        return pid;
    }
}

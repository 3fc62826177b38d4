using System.Diagnostics;
using System.Globalization;
using Meshery.Cli.Console;

namespace Meshery.Cli.Agent;

/// <summary>The agent running as a local child process, tracked by <c>~/.meshery/agent.pid</c>.</summary>
public sealed class LocalAgent(MesheryPaths paths, CliConsole console)
{
    /// <summary>The running agent this CLI started, or null (a stale pid file is removed).</summary>
    public Process? FindRunning()
    {
        if (ReadPid() is not { } pid)
        {
            return null;
        }

        try
        {
            var process = Process.GetProcessById(pid);
            if (!process.HasExited)
            {
                return process;
            }

            process.Dispose();
        }
        catch (ArgumentException)
        {
            // No such process.
        }
        catch (InvalidOperationException)
        {
        }

        DeletePidFile();
        return null;
    }

    public int? ReadPid()
    {
        try
        {
            var text = File.ReadAllLines(paths.AgentPidFile).FirstOrDefault();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Starts the agent on <paramref name="url"/> with its output appended to the log file, and records its pid.</summary>
    public Process Start(string agentPath, Uri url, IReadOnlyList<string> extraArguments)
    {
        ArgumentNullException.ThrowIfNull(agentPath);
        ArgumentNullException.ThrowIfNull(url);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.AgentLogFile)!);
        var command = new List<string>();
        if (agentPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            command.Add(DotnetHost());
        }

        command.Add(agentPath);
        command.AddRange(["--urls", url.GetLeftPart(UriPartial.Authority)]);
        command.AddRange(extraArguments);

        ProcessStartInfo start;
        if (OperatingSystem.IsWindows())
        {
            start = new ProcessStartInfo(command[0]) { UseShellExecute = false, CreateNoWindow = true };
            foreach (var argument in command.Skip(1))
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            // The shell appends the agent's output to the log file, ignores hang-ups so the agent outlives the
            // terminal, and then becomes the agent (exec), so the pid recorded is the agent's own.
            start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("trap '' HUP; exec \"$@\" </dev/null >>\"$MESHERY_AGENT_LOG\" 2>&1");
            start.ArgumentList.Add("meshery-agent");
            foreach (var argument in command)
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.WorkingDirectory = paths.Folder;
        start.Environment["MESHERY_AGENT_LOG"] = paths.AgentLogFile;
        start.Environment["HOME"] = console.HomeDirectory;
        start.Environment["USERPROFILE"] = console.HomeDirectory;
        foreach (var (name, value) in console.Environment)
        {
            start.Environment[name] = value;
        }

        Directory.CreateDirectory(paths.Folder);
        var process = Process.Start(start) ?? throw new CliException($"could not start {agentPath}");
        File.WriteAllText(paths.AgentPidFile, string.Create(CultureInfo.InvariantCulture, $"{process.Id}\n{url}\n"));
        return process;
    }

    /// <summary>Asks the agent to stop (SIGTERM), waits up to <paramref name="timeout"/>, then kills it.</summary>
    public async Task<bool> StopAsync(Process process, bool force, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        var graceful = true;
        if (force || OperatingSystem.IsWindows() || !await SignalAsync(process.Id, cancellationToken).ConfigureAwait(false))
        {
            graceful = false;
            process.Kill(entireProcessTree: true);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            graceful = false;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }

        DeletePidFile();
        return graceful;
    }

    public void DeletePidFile()
    {
        try
        {
            File.Delete(paths.AgentPidFile);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<bool> SignalAsync(int pid, CancellationToken cancellationToken)
    {
        var kill = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        kill.ArgumentList.Add("-TERM");
        kill.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var process = Process.Start(kill);
            if (process is null)
            {
                return false;
            }

            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
                ? self
                : "dotnet";
}

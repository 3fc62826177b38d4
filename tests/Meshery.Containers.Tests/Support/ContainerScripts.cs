using System.ComponentModel;
using System.Diagnostics;
using Meshery.Testing.Paths;

namespace Meshery.Containers.Tests.Support;

/// <summary>
/// Runs the scripts in <c>scripts/containers</c>: the same ones the README tells people to run, so the tests build
/// and run images exactly as a developer does (podman with the project's own configuration and image storage).
/// </summary>
public static class ContainerScripts
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    /// <summary>podman through <c>scripts/containers/podman.sh</c>.</summary>
    public static Task<ScriptResult> PodmanAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync("podman.sh", arguments, CommandTimeout, cancellationToken);

    /// <summary>podman-compose through <c>scripts/containers/compose.sh</c> (run from the repository root, on <c>compose.yaml</c>).</summary>
    public static Task<ScriptResult> ComposeAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken) =>
        RunAsync("compose.sh", arguments, CommandTimeout, cancellationToken, environment);

    /// <summary>
    /// Runs <paramref name="script"/> and returns its output; throws <see cref="InvalidOperationException"/> with
    /// everything it printed when it exits non-zero, and <see cref="TimeoutException"/> (after killing it) when it
    /// runs longer than <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ScriptResult> RunAsync(
        string script,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(arguments);
        var path = RepositoryRoot.Combine("scripts", "containers", script);
        var start = new ProcessStartInfo(path, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var command = $"{script} {string.Join(' ', arguments)}";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"cannot start {path}: {ex.Message}", ex);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{command} ran longer than {timeout.TotalSeconds:0} s:{Environment.NewLine}{await output}{await errors}");
        }

        var result = new ScriptResult(await output, await errors);
        return process.ExitCode == 0
            ? result
            : throw new InvalidOperationException(
                $"{command} exited with code {process.ExitCode}:{Environment.NewLine}{result.Output}{result.Errors}");
    }
}

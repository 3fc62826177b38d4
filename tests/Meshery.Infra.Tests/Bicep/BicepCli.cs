using System.Diagnostics;
using System.Reflection;

namespace Meshery.Infra.Tests.Bicep;

/// <summary>
/// The bicep CLI restored from NuGet (<c>Azure.Bicep.CommandLine.linux-x64</c>, whose build props name it
/// in <c>BicepPath</c>, stamped into this assembly at build). Each run is killed when its token is cancelled.
/// </summary>
public static class BicepCli
{
    /// <summary>Absolute path of the bicep executable.</summary>
    public static string Path { get; } = Locate();

    /// <summary>Runs bicep with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, with extra environment variables.</summary>
    public static async Task<BicepRun> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var startInfo = new ProcessStartInfo(Path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Cannot start {Path}.");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new BicepRun(arguments, process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static string Locate()
    {
        var stamped = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrEmpty(stamped))
        {
            throw new InvalidOperationException("BicepPath was not stamped at build: is Azure.Bicep.CommandLine.linux-x64 referenced?");
        }

        var path = System.IO.Path.GetFullPath(stamped.Replace('\\', '/'));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The bicep CLI is not at '{path}': restore tests/Meshery.Infra.Tests.", path);
    }
}

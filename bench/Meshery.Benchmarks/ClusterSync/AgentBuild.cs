using System.Diagnostics;

namespace Meshery.Benchmarks.ClusterSync;

/// <summary>
/// The agent the load run measures: published as the image publishes it (Release, linux-x64, ReadyToRun; framework-
/// dependent here, so it runs on the SDK's runtime) into <c>artifacts/bench/agent</c>, or a build named with
/// <c>--agent &lt;folder&gt;</c> (for example <c>agent/bin/Release/net10.0</c>, the JIT-only build, to compare).
/// </summary>
public static class AgentBuild
{
    public static async Task<string> PublishAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var output = Path.Combine(root, "artifacts", "bench", "agent");
        Console.WriteLine($"[setup] publishing the agent as shipped (ReadyToRun) to {output}");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(root, "agent", "Meshery.Agent.csproj"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
            "-o", output, "-nologo", "-v", "quiet", "-nodeReuse:false",
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet publish");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the agent failed ({process.ExitCode}): {await stdout}{await stderr}");
        }

        return output;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Meshery.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Meshery.sln not found above " + AppContext.BaseDirectory);
    }
}

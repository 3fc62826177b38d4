namespace Meshery.Cli.Agent;

/// <summary>Finds the agent to run: <c>--agent-path</c>, <c>MESHERY_AGENT_PATH</c>, beside <c>mesheryctl</c>, or the repository's build.</summary>
public static class AgentLocator
{
    public const string EnvironmentVariable = "MESHERY_AGENT_PATH";

    private static readonly string[] Names = OperatingSystem.IsWindows()
        ? ["meshery-agent.exe", "meshery-agent.dll"]
        : ["meshery-agent", "meshery-agent.dll"];

    /// <summary>The agent's apphost or <c>meshery-agent.dll</c>.</summary>
    public static string Locate(string? explicitPath, string? environmentPath, string baseDirectory)
    {
        foreach (var configured in new[] { explicitPath, environmentPath })
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                continue;
            }

            var found = InFolderOrFile(Path.GetFullPath(configured));
            return found ?? throw new CliException($"no Meshery agent at '{configured}' (expected meshery-agent or meshery-agent.dll)");
        }

        if (InFolderOrFile(baseDirectory) is { } beside)
        {
            return beside;
        }

        // Running from a checkout: cli/bin/<configuration>/net10.0 -> agent/bin/<configuration>/net10.0.
        var output = new DirectoryInfo(baseDirectory);
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Meshery.sln")))
            {
                var configuration = output.Parent?.Name ?? "Debug";
                foreach (var candidate in new[] { configuration, "Release", "Debug" })
                {
                    if (InFolderOrFile(Path.Combine(dir.FullName, "agent", "bin", candidate, output.Name)) is { } built)
                    {
                        return built;
                    }
                }

                break;
            }
        }

        throw new CliException($"cannot find the Meshery agent beside mesheryctl; pass --agent-path or set {EnvironmentVariable}");
    }

    private static string? InFolderOrFile(string path)
    {
        if (File.Exists(path))
        {
            return path;
        }

        if (Directory.Exists(path))
        {
            foreach (var name in Names)
            {
                var candidate = Path.Combine(path, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

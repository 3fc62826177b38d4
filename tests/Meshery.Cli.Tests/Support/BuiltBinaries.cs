using Meshery.Testing.Paths;

namespace Meshery.Cli.Tests.Support;

/// <summary>The built agent and mesheryctl beside these tests (same configuration and target framework).</summary>
public static class BuiltBinaries
{
    private static readonly DirectoryInfo Output = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static string Configuration => Output.Parent!.Name;

    public static string TargetFramework => Output.Name;

    public static string AgentDll => RepositoryRoot.Combine("agent", "bin", Configuration, TargetFramework, "meshery-agent.dll");

    public static string CliDll => RepositoryRoot.Combine("cli", "bin", Configuration, TargetFramework, "mesheryctl.dll");

    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}

using System.Reflection;

namespace Meshery.Agent.ServerStatus;

/// <summary>This agent's build: Meshery's server version (<c>v1.2.3</c>) and commit, from the assembly's informational version.</summary>
public static class AgentBuild
{
    static AgentBuild()
    {
        var informational = typeof(AgentBuild).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        Version = "v" + (plus >= 0 ? informational[..plus] : informational);
        var sha = plus >= 0 ? informational[(plus + 1)..] : "unknown";
        CommitSha = sha.Length > 12 ? sha[..12] : sha;
    }

    public static string Version { get; }

    public static string CommitSha { get; }
}

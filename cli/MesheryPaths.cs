namespace Meshery.Cli;

/// <summary>The files <c>mesheryctl</c> keeps under <c>~/.meshery</c>.</summary>
public sealed record MesheryPaths(string HomeDirectory)
{
    public string Folder => Path.Combine(HomeDirectory, ".meshery");

    public string DefaultConfigFile => Path.Combine(Folder, "config.yaml");

    /// <summary>Sign-ins per context (<c>system login</c>) and upstream's current token; mode 0600.</summary>
    public string AuthFile => Path.Combine(Folder, "auth.json");

    /// <summary>The pid of the local agent <c>system start -p local</c> started.</summary>
    public string AgentPidFile => Path.Combine(Folder, "agent.pid");

    /// <summary>The local agent's output (stdout and stderr).</summary>
    public string AgentLogFile => Path.Combine(Folder, "logs", "meshery-agent.log");
}

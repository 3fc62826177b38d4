namespace Meshery.Testing.Processes;

/// <summary>What <see cref="ManagedProcess.Start"/> runs.</summary>
/// <param name="Name">Short name used in logs and error messages, e.g. <c>nats-server</c>.</param>
/// <param name="FileName">Executable path, or a name looked up on <c>PATH</c>.</param>
public sealed record ManagedProcessOptions(string Name, string FileName)
{
    /// <summary>Arguments, passed one by one (no shell quoting).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Working directory; the current directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Extra environment variables; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>How many output lines the log keeps (the oldest are dropped first).</summary>
    public int LogCapacity { get; init; } = 2000;

    /// <summary>
    /// An existing log to append to instead of a new one of <see cref="LogCapacity"/> lines, so that a
    /// fixture restarting its server keeps one log across runs.
    /// </summary>
    public ProcessLog? Log { get; init; }
}

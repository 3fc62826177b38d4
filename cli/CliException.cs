namespace Meshery.Cli;

/// <summary>An expected failure: its message is the one line <c>mesheryctl</c> prints on stderr.</summary>
public sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The process exit code (1 unless a command says otherwise).</summary>
    public int ExitCode { get; init; } = 1;
}

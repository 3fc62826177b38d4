namespace Meshery.Testing.Functions;

/// <summary>How <see cref="FunctionsHostEmulator"/> starts a Functions app.</summary>
public sealed record FunctionsHostOptions
{
    /// <summary>The app's build output: the folder holding <c>worker.config.json</c> (see <see cref="FunctionsAppLocator"/>).</summary>
    public required string AppDirectory { get; init; }

    /// <summary>Extra environment for the worker: app settings and connection strings. A null value removes a variable.</summary>
    public IDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>Deadline for the worker to connect and load every function.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a proxied request waits for the worker's invocation response.</summary>
    public TimeSpan InvocationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the worker may take to exit after <c>WorkerTerminate</c> before its process tree is killed.</summary>
    public TimeSpan TerminateGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The log keeps the last lines only.</summary>
    public int MaxLogLines { get; init; } = 5000;
}

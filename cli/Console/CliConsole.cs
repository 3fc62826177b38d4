namespace Meshery.Cli.Console;

/// <summary>
/// Where <c>mesheryctl</c> writes and whose home and environment it uses; tests pass their own writers,
/// a temporary home folder and environment overrides.
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>The user's home folder; <c>~/.meshery</c> lives under it.</summary>
    public string HomeDirectory { get; init; } = global::System.Environment.GetFolderPath(global::System.Environment.SpecialFolder.UserProfile);

    /// <summary>A terminal that shows colours, spinners and live progress; otherwise output is plain text.</summary>
    public bool IsInteractive { get; init; }

    /// <summary>Where answers to questions (delete confirmations) are read; null when nobody can be asked.</summary>
    public TextReader? In { get; init; }

    /// <summary>The width tables are laid out for.</summary>
    public int Width { get; init; } = 120;

    /// <summary>The clock: token expiry and the device flow's polling waits.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Environment variables that replace the process's own (and reach child processes).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    public string? GetEnvironmentVariable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Environment.TryGetValue(name, out var value) ? value : System.Environment.GetEnvironmentVariable(name);
    }

    /// <summary>The process's own console.</summary>
    public static CliConsole FromSystem()
    {
        var interactive = !System.Console.IsOutputRedirected && string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("NO_COLOR"));
        int width;
        try
        {
            width = System.Console.IsOutputRedirected ? 120 : Math.Max(40, System.Console.WindowWidth);
        }
        catch (IOException)
        {
            width = 120;
        }

        return new CliConsole(System.Console.Out, System.Console.Error) { IsInteractive = interactive, Width = width, In = System.Console.In };
    }
}

using System.CommandLine;
using Meshery.Cli.Config;
using Meshery.Cli.Console;
using Meshery.Cli.Output;

namespace Meshery.Cli;

/// <summary>One invocation's console, global options and config file.</summary>
public sealed class CliSession
{
    public CliSession(CliConsole console, GlobalOptions options, ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parseResult);
        Console = console;
        Paths = new MesheryPaths(console.HomeDirectory);
        Verbose = parseResult.GetValue(options.Verbose);
        ContextOverride = parseResult.GetValue(options.Context);
        Format = options.GetOutput(parseResult);
        var config = parseResult.GetValue(options.Config);
        ConfigPath = string.IsNullOrWhiteSpace(config) ? Paths.DefaultConfigFile : ExpandHome(config, console.HomeDirectory);
        Output = new OutputWriter(console, Format);
    }

    public CliConsole Console { get; }

    public MesheryPaths Paths { get; }

    public bool Verbose { get; }

    public string? ContextOverride { get; }

    public OutputFormat Format { get; }

    public string ConfigPath { get; }

    public OutputWriter Output { get; }

    /// <summary>The config file, or upstream's default one when the file does not exist yet.</summary>
    public MesheryConfig LoadConfig() => MesheryConfig.Load(ConfigPath);

    /// <summary>The context named by <c>--context</c>, else the config's current-context.</summary>
    public (string Name, ContextSettings Settings) ResolveContext(MesheryConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var name = ContextOverride ?? config.CurrentContext;
        if (string.IsNullOrEmpty(name))
        {
            throw new CliException($"no current context in {ConfigPath}; create one with 'mesheryctl system context create <name> --set'");
        }

        if (!config.HasContext(name))
        {
            throw new CliException($"context '{name}' does not exist in {ConfigPath} (see 'mesheryctl system context list')");
        }

        return (name, config.GetContext(name));
    }

    /// <summary>Writes a detail line to stderr when <c>--verbose</c> is on.</summary>
    public void Detail(string message)
    {
        if (Verbose)
        {
            Console.Error.WriteLine(message);
        }
    }

    internal static string ExpandHome(string path, string home) =>
        path == "~" ? home
        : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..])
        : Path.GetFullPath(path);
}

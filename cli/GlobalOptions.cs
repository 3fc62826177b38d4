using System.CommandLine;
using Meshery.Cli.Output;

namespace Meshery.Cli;

/// <summary>The options every command accepts (<c>--config</c>, <c>-v/--verbose</c>, <c>-c/--context</c>, <c>-o/--output</c>).</summary>
public sealed class GlobalOptions
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Path to the mesheryctl config file (default: ~/.meshery/config.yaml)",
        HelpName = "path",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Show details: requests, child process output and full errors",
        Recursive = true,
    };

    public Option<string?> Context { get; } = new("--context", "-c")
    {
        Description = "The context to use instead of the config file's current-context",
        HelpName = "name",
        Recursive = true,
    };

    public Option<string> Output { get; } = CreateOutput();

    /// <summary>The chosen <c>-o</c> format.</summary>
    public OutputFormat GetOutput(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.GetValue(Output) switch
        {
            "json" => OutputFormat.Json,
            "yaml" => OutputFormat.Yaml,
            _ => OutputFormat.Table,
        };
    }

    private static Option<string> CreateOutput()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "Output format",
            DefaultValueFactory = _ => "table",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("table", "json", "yaml");
        return option;
    }

    public void AddTo(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(Config);
        root.Options.Add(Verbose);
        root.Options.Add(Context);
        root.Options.Add(Output);
    }
}

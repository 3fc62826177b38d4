using System.Globalization;
using Meshery.Cli.Console;
using Meshery.Testing.Storage;

namespace Meshery.Cli.Tests.Support;

/// <summary>Runs mesheryctl in-process against a temporary home folder (so <c>~/.meshery</c> is the test's own).</summary>
public sealed class CliHarness : IDisposable
{
    private readonly TempDirectory _home = new("meshery-cli-");

    public string Home => _home.Path;

    public string MesheryFolder => Path.Combine(Home, ".meshery");

    public string ConfigFile => Path.Combine(MesheryFolder, "config.yaml");

    /// <summary>Environment overrides seen by the CLI and the processes it starts.</summary>
    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal)
    {
        ["KUBECONFIG"] = null,
    };

    /// <summary>What the CLI reads when it asks a question (a delete confirmation); null = nobody to ask.</summary>
    public TextReader? Input { get; set; }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(new ObservedWriter(), args);

    /// <summary>Runs with stdout going to <paramref name="output"/>, which the test may watch while the command runs.</summary>
    public async Task<CliResult> RunAsync(ObservedWriter output, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var console = new CliConsole(output, error) { HomeDirectory = Home, Environment = Environment, Width = 160, In = Input };
        var code = await MesheryCli.InvokeAsync(args, console, TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Starts mesheryctl without waiting for it, so the test can act on what it prints meanwhile.</summary>
    public RunningCli Start(params string[] args)
    {
        var output = new LiveWriter();
        var error = new LiveWriter();
        var console = new CliConsole(output, error) { HomeDirectory = Home, Environment = Environment, Width = 160, In = Input };
        return new RunningCli(Task.Run(() => MesheryCli.InvokeAsync(args, console, TestContext.Current.CancellationToken)), output, error);
    }

    public string AuthFile => Path.Combine(MesheryFolder, "auth.json");

    public async Task<CliResult> RunOkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    /// <summary>Asserts a failure: a non-zero exit and exactly one line on stderr starting with <c>Error: </c>.</summary>
    public async Task<string> RunFailingAsync(params string[] args) => OneErrorLine(await RunAsync(args));

    /// <summary>Asserts <paramref name="result"/> failed with exactly one stderr line starting with <c>Error: </c>, and returns it.</summary>
    public static string OneErrorLine(CliResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(result.ExitCode != 0, result.ToString());
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.ToString());
        Assert.StartsWith("Error: ", lines[0], StringComparison.Ordinal);
        return lines[0].TrimEnd();
    }

    public void Dispose() => _home.Dispose();
}

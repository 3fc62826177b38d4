using System.Diagnostics;
using Meshery.Cli.Tests.Support;

namespace Meshery.Cli.Tests.Commands;

/// <summary>The built <c>mesheryctl</c> run as a process: exit codes and stdout/stderr as a shell sees them.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Context_list_prints_the_table()
    {
        var (code, output, error) = await RunAsync("system", "context", "list");
        Assert.True(code == 0, error);
        ExpectedOutput.Match("context-list-default", output);
    }

    [Fact]
    public async Task Malformed_kubeconfig_gives_one_line_and_exit_1()
    {
        var bad = Path.Combine(_cli.Home, "kubeconfig");
        await File.WriteAllTextAsync(bad, "clusters: {{{", TestContext.Current.CancellationToken);
        var (code, output, error) = await RunAsync("system", "check", "--preflight", "--kubeconfig", bad);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith($"Error: kubeconfig {bad} is not valid: ", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_adds_details_to_the_error()
    {
        var (code, _, error) = await RunAsync("system", "context", "switch", "nope", "--verbose");
        Assert.Equal(1, code);
        Assert.StartsWith("Error: context 'nope' does not exist", error, StringComparison.Ordinal);
        Assert.Contains("CliException", error, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(BuiltBinaries.Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(BuiltBinaries.CliDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = _cli.Home;
        start.Environment["USERPROFILE"] = _cli.Home;
        start.Environment.Remove("KUBECONFIG");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}

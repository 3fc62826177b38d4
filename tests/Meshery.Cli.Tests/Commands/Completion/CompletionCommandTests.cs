using System.Diagnostics;
using Meshery.Cli.Tests.Support;

namespace Meshery.Cli.Tests.Commands.Completion;

public sealed class CompletionCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("mesheryctl ", "completion system version")]
    [InlineData("mesheryctl sy", "system")]
    [InlineData("mesheryctl system ", "check context logs provider start status stop")]
    [InlineData("mesheryctl system context ", "create delete list switch view")]
    [InlineData("mesheryctl -v system context sw", "switch")]
    [InlineData("mesheryctl system provider ", "list set view")]
    [InlineData("mesheryctl system start -p ", "kubernetes local")]
    [InlineData("mesheryctl system status -o ", "json table yaml")]
    [InlineData("mesheryctl completion ", "bash fish pwsh zsh")]
    [InlineData("mesheryctl system stop --k", "--keep-namespace")]
    public async Task Bash_completes_commands_options_and_values(string line, string expected)
    {
        var script = Path.Combine(_cli.Home, "mesheryctl.bash");
        await File.WriteAllTextAsync(script, (await _cli.RunOkAsync("completion", "bash")).Out, TestContext.Current.CancellationToken);
        var words = line.Split(' ');
        var driver = $"""
            source '{script}'
            COMP_WORDS=({string.Join(' ', words.Select(w => $"'{w}'"))})
            COMP_CWORD={words.Length - 1}
            _mesheryctl
            printf '%s\n' "${"{"}COMPREPLY[@]{"}"}" | grep -v '^-' | sort | tr '\n' ' '
            printf '%s\n' "${"{"}COMPREPLY[@]{"}"}" | grep '^--' | sort | tr '\n' ' '
            """;
        var output = await RunBashAsync(driver);
        var lines = output.Split('\n');
        var offered = expected.StartsWith('-') ? lines.LastOrDefault(l => l.Length > 0) ?? "" : output;
        foreach (var word in expected.Split(' '))
        {
            Assert.Contains(word, offered.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        if (!expected.StartsWith('-') && !line.EndsWith(' '))
        {
            Assert.Equal(expected, output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
        }
    }

    [Theory]
    [InlineData("zsh", "bashcompinit")]
    [InlineData("fish", "complete -c mesheryctl -n 'test \"(__mesheryctl_path)\" = \"mesheryctl system context\"' -a 'create list switch view delete'")]
    [InlineData("pwsh", "'mesheryctl system provider' = @('list', 'set', 'view'")]
    public async Task Other_shells_get_scripts_naming_every_command(string shell, string fragment)
    {
        var script = (await _cli.RunOkAsync("completion", shell)).Out;
        Assert.Contains(fragment, script, StringComparison.Ordinal);
        Assert.Contains("mesheryctl system start", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_shell_is_rejected()
    {
        var result = await _cli.RunAsync("completion", "tcsh");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("tcsh", result.Error, StringComparison.Ordinal);
    }

    private static async Task<string> RunBashAsync(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var bash = Process.Start(start)!;
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        var output = bash.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = bash.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await bash.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(bash.ExitCode == 0, await error);
        Assert.Equal("", await error);
        return await output;
    }
}

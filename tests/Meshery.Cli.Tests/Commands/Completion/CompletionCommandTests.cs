using Meshery.Cli.Tests.Support;

namespace Meshery.Cli.Tests.Commands.Completion;

/// <summary>Each shell's script is generated, loaded into that shell, and asked what it offers after typed lines.</summary>
public sealed class CompletionCommandTests : IDisposable
{
    /// <summary>A typed line and every word the shell should offer (options only when the word typed starts with '-').</summary>
    private static readonly (string Line, string Offered)[] Cases =
    [
        ("mesheryctl ", "adapter completion connection design environment perf system version"),
        ("mesheryctl design ", "apply delete export import list view"),
        ("mesheryctl connection create --type ", "kubernetes"),
        ("mesheryctl sy", "system"),
        ("mesheryctl system ", "check context login logout logs provider start status stop token"),
        ("mesheryctl system token ", "view"),
        ("mesheryctl system token view -o ", "json table yaml"),
        ("mesheryctl system context ", "create delete list switch view"),
        ("mesheryctl -v system context sw", "switch"),
        ("mesheryctl system provider ", "list set view"),
        ("mesheryctl system start -p ", "kubernetes local"),
        ("mesheryctl system start --platform k", "kubernetes"),
        ("mesheryctl system context create -p ", "docker kubernetes local"),
        ("mesheryctl system status -o ", "json table yaml"),
        ("mesheryctl completion ", "bash fish pwsh zsh"),
        ("mesheryctl system stop --k", "--keep-namespace --kubeconfig"),
        ("mesheryctl system logs --t", "--tail"),
        ("mesheryctl system start --port ", ""),
        ("mesheryctl system check --kubeconfig {home}/kube", "{home}/kube-a {home}/kube-b"),
    ];

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    [InlineData("pwsh")]
    public async Task The_shell_completes_commands_options_and_values(string shell)
    {
        var script = Path.Combine(_cli.Home, "mesheryctl." + (shell == "pwsh" ? "ps1" : shell));
        await File.WriteAllTextAsync(script, (await _cli.RunOkAsync("completion", shell)).Out, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_cli.Home, "kube-a"), "", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_cli.Home, "kube-b"), "", TestContext.Current.CancellationToken);
        var lines = Cases.Select(c => c.Line.Replace("{home}", _cli.Home, StringComparison.Ordinal)).ToList();

        var answers = await ShellCompleter.CompleteAsync(shell, script, lines, _cli.Home);

        var wrong = new List<string>();
        for (var i = 0; i < Cases.Length; i++)
        {
            var typed = lines[i].Split(' ')[^1];
            var offered = answers[i].Where(w => typed.StartsWith('-') || !w.StartsWith('-')).Distinct().Order(StringComparer.Ordinal);
            var expected = Cases[i].Offered.Replace("{home}", _cli.Home, StringComparison.Ordinal);
            if (shell == "pwsh" && expected.Length == 0)
            {
                // PowerShell falls back to its own path completion when a native completer offers nothing.
                expected = string.Join(' ', Directory.EnumerateFileSystemEntries(_cli.Home).Select(e => "./" + Path.GetFileName(e)).Order(StringComparer.Ordinal));
            }

            if (string.Join(' ', offered) != expected)
            {
                wrong.Add($"'{lines[i]}': expected [{expected}], {shell} offered [{string.Join(' ', answers[i])}]");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task The_scripts_are_generated_from_the_command_tree()
    {
        var bash = (await _cli.RunOkAsync("completion", "bash")).Out;
        var zsh = (await _cli.RunOkAsync("completion", "zsh")).Out;
        var fish = (await _cli.RunOkAsync("completion", "fish")).Out;
        var pwsh = (await _cli.RunOkAsync("completion", "pwsh")).Out;

        Assert.Contains("\"mesheryctl system context\") words=\"create list switch view delete ", bash, StringComparison.Ordinal);
        Assert.Contains("autoload -U +X bashcompinit && bashcompinit", zsh, StringComparison.Ordinal);
        Assert.EndsWith("complete -F _mesheryctl mesheryctl\n", zsh, StringComparison.Ordinal);
        Assert.Contains("complete -c mesheryctl -n '__mesheryctl_at \"mesheryctl system start\"' -l platform -s p -x -a 'kubernetes local'", fish, StringComparison.Ordinal);
        Assert.Contains("'mesheryctl system context create|-p' = @('docker', 'kubernetes', 'local')", pwsh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_shell_is_rejected()
    {
        var result = await _cli.RunAsync("completion", "tcsh");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("tcsh", result.Error, StringComparison.Ordinal);
    }
}

using System.CommandLine;

namespace Meshery.Cli.Commands.Completion;

/// <summary><c>mesheryctl completion bash|zsh|fish|pwsh</c>: a completion script generated from the command tree.</summary>
public static class CompletionCommand
{
    public static Command Create(CliCommandFactory cli, RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(root);
        var shell = new Argument<string>("shell") { Description = "The shell to complete in: bash, zsh, fish or pwsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish", "pwsh");
        var command = new Command("completion", """
            Print a shell completion script.
              bash: source <(mesheryctl completion bash)
              zsh:  source <(mesheryctl completion zsh)
              fish: mesheryctl completion fish | source
              pwsh: mesheryctl completion pwsh | Out-String | Invoke-Expression
            """) { shell };
        cli.SetAction(command, (session, parse, _) =>
        {
            var tree = CompletionTree.From(root);
            var script = parse.GetValue(shell) switch
            {
                "bash" => CompletionScripts.Bash(tree),
                "zsh" => CompletionScripts.Zsh(tree),
                "fish" => CompletionScripts.Fish(tree),
                _ => CompletionScripts.PowerShell(tree),
            };
            session.Console.Out.Write(script);
            return Task.FromResult(0);
        });
        return command;
    }
}

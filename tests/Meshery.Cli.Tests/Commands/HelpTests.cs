using System.CommandLine;
using Meshery.Cli.Console;
using Meshery.Cli.Tests.Support;

namespace Meshery.Cli.Tests.Commands;

public sealed class HelpTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        var root = MesheryCli.CreateRootCommand(new CliConsole(TextWriter.Null, TextWriter.Null));
        void Visit(Command command, string path)
        {
            data.Add(path);
            foreach (var sub in command.Subcommands)
            {
                Visit(sub, (path + " " + sub.Name).Trim());
            }
        }

        Visit(root, "");
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Every_command_has_complete_help(string path)
    {
        var args = path.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();
        var result = await _cli.RunOkAsync(args);
        Assert.Contains("Description:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Contains("--config", result.Out, StringComparison.Ordinal);
        Assert.Contains("-o, --output <json|table|yaml>", result.Out, StringComparison.Ordinal);

        var root = MesheryCli.CreateRootCommand(new CliConsole(TextWriter.Null, TextWriter.Null));
        Command command = root;
        foreach (var name in path.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            command = command.Subcommands.Single(c => c.Name == name);
        }

        Assert.False(string.IsNullOrWhiteSpace(command.Description), $"'{path}' has no description");
        foreach (var option in command.Options)
        {
            Assert.False(string.IsNullOrWhiteSpace(option.Description), $"'{path} {option.Name}' has no description");
        }

        foreach (var argument in command.Arguments)
        {
            Assert.False(string.IsNullOrWhiteSpace(argument.Description), $"'{path} <{argument.Name}>' has no description");
        }
    }

    [Fact]
    public async Task System_help_matches_the_expected_text()
    {
        ExpectedOutput.Match("help-system", (await _cli.RunOkAsync("system", "--help")).Out);
        ExpectedOutput.Match("help-system-start", (await _cli.RunOkAsync("system", "start", "--help")).Out);
        ExpectedOutput.Match("help-system-login", (await _cli.RunOkAsync("system", "login", "--help")).Out);
        ExpectedOutput.Match("help-system-token-view", (await _cli.RunOkAsync("system", "token", "view", "--help")).Out);
    }

    [Fact]
    public async Task A_group_without_a_subcommand_fails()
    {
        var result = await _cli.RunAsync("system", "context");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Required command was not provided", result.Error, StringComparison.Ordinal);
    }
}

using System.CommandLine;

namespace Meshery.Cli.Commands.Contexts;

/// <summary><c>mesheryctl system context</c>: the contexts of <c>~/.meshery/config.yaml</c>.</summary>
public static class ContextCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        var context = new Command("context", "Create, list, switch, view and delete contexts in the config file");
        context.Subcommands.Add(CreateCommand.Create(cli));
        context.Subcommands.Add(ListCommand.Create(cli));
        context.Subcommands.Add(SwitchCommand.Create(cli));
        context.Subcommands.Add(ViewCommand.Create(cli));
        context.Subcommands.Add(DeleteCommand.Create(cli));
        return context;
    }
}

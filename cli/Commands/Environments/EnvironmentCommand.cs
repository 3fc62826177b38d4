using System.CommandLine;

namespace Meshery.Cli.Commands.Environments;

/// <summary><c>mesheryctl environment</c>: named groups of connections.</summary>
public static class EnvironmentCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        var environment = new Command("environment", "Create, list, view and delete environments (named groups of connections)");
        environment.Subcommands.Add(CreateCommand.Create(cli));
        environment.Subcommands.Add(ListCommand.Create(cli));
        environment.Subcommands.Add(ViewCommand.Create(cli));
        environment.Subcommands.Add(DeleteCommand.Create(cli));
        return environment;
    }
}

using System.CommandLine;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Environments;

/// <summary><c>environment delete NAME|ID [-y]</c>.</summary>
public static class DeleteCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var environment = new Argument<string>("environment") { Description = "The environment's name or id" };
        var yes = DeleteConfirmation.CreateOption();
        var command = new Command("delete", "Delete an environment (asks first unless -y); its connections stay") { environment, yes };
        cli.SetAction(command, (session, parse, cancellationToken) =>
            EntityDeletion.RunAsync(session, EntityKind.Environment, parse.GetValue(environment)!, parse.GetValue(yes), cancellationToken));
        return command;
    }
}

using System.CommandLine;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Connections;

/// <summary><c>connection delete NAME|ID [-y]</c>.</summary>
public static class DeleteCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var connection = new Argument<string>("connection") { Description = "The connection's name or id" };
        var yes = DeleteConfirmation.CreateOption();
        var command = new Command("delete", "Delete a connection (asks first unless -y)") { connection, yes };
        cli.SetAction(command, (session, parse, cancellationToken) =>
            EntityDeletion.RunAsync(session, EntityKind.Connection, parse.GetValue(connection)!, parse.GetValue(yes), cancellationToken));
        return command;
    }
}

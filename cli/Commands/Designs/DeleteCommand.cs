using System.CommandLine;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Designs;

/// <summary><c>design delete NAME|ID [-y]</c>.</summary>
public static class DeleteCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var design = new Argument<string>("design") { Description = "The design's name or id" };
        var yes = DeleteConfirmation.CreateOption();
        var command = new Command("delete", "Delete a design (asks first unless -y)") { design, yes };
        cli.SetAction(command, (session, parse, cancellationToken) =>
            EntityDeletion.RunAsync(session, EntityKind.Design, parse.GetValue(design)!, parse.GetValue(yes), cancellationToken));
        return command;
    }
}

using System.CommandLine;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Environments;

/// <summary><c>environment view NAME|ID</c>.</summary>
public static class ViewCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var environment = new Argument<string>("environment") { Description = "The environment's name or id" };
        var command = new Command("view", "Show an environment") { environment };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var found = await EntityLookup.FindAsync(client, EntityKind.Environment, parse.GetValue(environment)!, cancellationToken).ConfigureAwait(false);
            session.Output.Write(found, () => session.Output.Table(
                ["FIELD", "VALUE"],
                [
                    ["id", JsonText.Of(found, "id")],
                    ["name", JsonText.Of(found, "name")],
                    ["description", JsonText.Of(found, "description")],
                    ["organization", JsonText.Of(found, "organizationId")],
                    ["owner", JsonText.Of(found, "owner")],
                    ["created", JsonText.TimeOf(found, "createdAt")],
                    ["updated", JsonText.TimeOf(found, "updatedAt")],
                ]));
            return 0;
        });
        return command;
    }
}

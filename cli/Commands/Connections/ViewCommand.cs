using System.CommandLine;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Connections;

/// <summary><c>connection view NAME|ID</c>.</summary>
public static class ViewCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var connection = new Argument<string>("connection") { Description = "The connection's name or id" };
        var command = new Command("view", "Show a connection") { connection };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var found = await EntityLookup.FindAsync(client, EntityKind.Connection, parse.GetValue(connection)!, cancellationToken).ConfigureAwait(false);
            var metadata = found["metadata"];
            session.Output.Write(found, () => session.Output.Table(
                ["FIELD", "VALUE"],
                [
                    ["id", JsonText.Of(found, "id")],
                    ["name", JsonText.Of(found, "name")],
                    ["kind", JsonText.Of(found, "kind")],
                    ["type", JsonText.Of(found, "type")],
                    ["subType", JsonText.Of(found, "subType")],
                    ["status", JsonText.Of(found, "status")],
                    ["server", JsonText.Of(metadata, "server")],
                    ["credential", JsonText.Of(found, "credentialId")],
                    ["created", JsonText.TimeOf(found, "createdAt")],
                    ["updated", JsonText.TimeOf(found, "updatedAt")],
                ]));
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Designs;

/// <summary><c>design view NAME|ID</c>: the design's fields, then its file.</summary>
public static class ViewCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var design = new Argument<string>("design") { Description = "The design's name or id" };
        var command = new Command("view", "Show a design: its id, name, visibility, times and file") { design };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var found = await EntityLookup.FindAsync(client, EntityKind.Design, parse.GetValue(design)!, cancellationToken).ConfigureAwait(false);
            session.Output.Write(found, () => session.Output.Table(
                ["FIELD", "VALUE"],
                [
                    ["id", JsonText.Of(found, "id")],
                    ["name", JsonText.Of(found, "name")],
                    ["visibility", JsonText.Of(found, "visibility")],
                    ["created", JsonText.TimeOf(found, "createdAt")],
                    ["updated", JsonText.TimeOf(found, "updatedAt")],
                ]));
            if (session.Format == Output.OutputFormat.Table)
            {
                session.Console.Out.WriteLine();
                session.Console.Out.WriteLine(JsonText.Of(found, "patternFile").TrimEnd());
            }

            return 0;
        });
        return command;
    }
}

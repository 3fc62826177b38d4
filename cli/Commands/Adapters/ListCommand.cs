using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Adapters;

/// <summary><c>adapter list</c>: each adapter, what it is and what it offers.</summary>
public static class ListCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var command = new Command("list", "List the adapters: location, mesh, version, operations and whether each is live");
        cli.SetAction(command, async (session, _, cancellationToken) =>
        {
            using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var adapters = await AdapterCommand.ListAsync(client, cancellationToken).ConfigureAwait(false);
            session.Output.Write(new JsonArray([.. adapters.Select(a => a.DeepClone())]), () => session.Output.Table(
                ["LOCATION", "NAME", "VERSION", "OPERATIONS", "LIVE"],
                adapters.Select(a => (IReadOnlyList<string>)
                [
                    JsonText.Of(a, "adapterLocation"), JsonText.Of(a, "name"), JsonText.Of(a, "version"),
                    ((a["ops"] as JsonArray)?.Count ?? 0).ToString(CultureInfo.InvariantCulture), AdapterCommand.IsLive(a) ? "yes" : "no",
                ])));
            if (adapters.Count == 0)
            {
                session.Output.Line("The Meshery server has no adapters (set Meshery:Agent:Adapters:Locations or add meshAdapters to your preferences).");
            }

            return 0;
        });
        return command;
    }
}

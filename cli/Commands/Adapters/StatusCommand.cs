using System.CommandLine;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Adapters;

/// <summary><c>adapter status [LOCATION]</c>: whether each adapter (or the one named) answers the server.</summary>
public static class StatusCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var location = new Argument<string?>("location") { Description = "Only this adapter (host:port, as 'adapter list' shows it)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "Show whether each adapter answers the Meshery server, when it was last checked and why it is down") { location };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var adapters = await AdapterCommand.ListAsync(client, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(location) is { Length: > 0 } wanted)
            {
                adapters = [.. adapters.Where(a => string.Equals(JsonText.Of(a, "adapterLocation"), wanted, StringComparison.OrdinalIgnoreCase))];
                if (adapters.Count == 0)
                {
                    throw new CliException($"adapter '{wanted}' was not found on the Meshery server at {client.Endpoint} (see 'mesheryctl adapter list')");
                }
            }

            var states = adapters.Select(a => new JsonObject
            {
                ["adapterLocation"] = JsonText.Of(a, "adapterLocation"),
                ["name"] = a["name"]?.DeepClone(),
                ["status"] = AdapterCommand.IsLive(a) ? "live" : "down",
                ["lastCheckedAt"] = a["lastCheckedAt"]?.DeepClone(),
                ["error"] = a["error"]?.DeepClone(),
            }).ToList();
            session.Output.Write(new JsonArray([.. states]), () => session.Output.Table(
                ["LOCATION", "NAME", "STATUS", "CHECKED", "ERROR"],
                states.Select(s => (IReadOnlyList<string>)
                [
                    JsonText.Of(s, "adapterLocation"), JsonText.Of(s, "name"), JsonText.Of(s, "status"), JsonText.TimeOf(s, "lastCheckedAt"), JsonText.Of(s, "error"),
                ])));
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using System.Text.Json.Nodes;

namespace Meshery.Cli.Commands.Perf;

/// <summary><c>perf delete &lt;profile&gt;</c>: deletes a performance profile and its results.</summary>
public static class DeleteCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var profile = new Argument<string>("profile") { Description = "Name or id of the performance profile" };
        var command = new Command("delete", "Delete a performance profile and its results") { profile };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            using var client = PerfApiClient.For(session);
            var found = await PerfProfiles.RequireAsync(client, parse.GetValue(profile)!, cancellationToken).ConfigureAwait(false);
            var id = PerfProfiles.IdOf(found);
            await client.DeleteProfileAsync(id, cancellationToken).ConfigureAwait(false);
            session.Output.Write(
                new JsonObject { ["id"] = id.ToString("D"), ["name"] = (string?)found["name"], ["deleted"] = true },
                () => session.Output.Table(["DELETED", "ID"], [[(string?)found["name"] ?? "", id.ToString("D")]]));
            return 0;
        });
        return command;
    }
}

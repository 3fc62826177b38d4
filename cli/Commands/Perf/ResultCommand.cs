using System.CommandLine;
using System.Text.Json.Nodes;

namespace Meshery.Cli.Commands.Perf;

/// <summary><c>perf result &lt;profile&gt;</c>: the results of a profile's test runs.</summary>
public static class ResultCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var profile = new Argument<string>("profile") { Description = "Name or id of the performance profile" };
        var command = new Command("result", "List the results of a performance profile") { profile };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            using var client = PerfApiClient.For(session);
            var found = await PerfProfiles.RequireAsync(client, parse.GetValue(profile)!, cancellationToken).ConfigureAwait(false);
            var results = await client.ListResultsAsync(PerfProfiles.IdOf(found), cancellationToken).ConfigureAwait(false);
            session.Output.Write(results, () => session.Output.Table(PerfTables.ResultHeaders, results.OfType<JsonObject>().Select(PerfTables.ResultRow)));
            return 0;
        });
        return command;
    }
}

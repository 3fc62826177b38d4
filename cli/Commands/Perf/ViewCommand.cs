using System.CommandLine;

namespace Meshery.Cli.Commands.Perf;

/// <summary><c>perf view &lt;profile&gt;</c>: one performance profile in full.</summary>
public static class ViewCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var profile = new Argument<string>("profile") { Description = "Name or id of the performance profile" };
        var command = new Command("view", "Show a performance profile") { profile };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            using var client = PerfApiClient.For(session);
            var found = await PerfProfiles.RequireAsync(client, parse.GetValue(profile)!, cancellationToken).ConfigureAwait(false);
            var row = PerfTables.ProfileRow(found);
            session.Output.Write(found, () => session.Output.Table(["FIELD", "VALUE"], PerfTables.ProfileHeaders.Zip(row, (h, v) => (IReadOnlyList<string>)[h, v])));
            return 0;
        });
        return command;
    }
}

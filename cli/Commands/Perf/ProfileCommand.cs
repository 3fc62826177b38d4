using System.CommandLine;
using System.Text.Json.Nodes;

namespace Meshery.Cli.Commands.Perf;

/// <summary><c>perf profile [search]</c> (also <c>perf list</c>): the performance profiles, optionally those whose name matches.</summary>
public static class ProfileCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var search = new Argument<string?>("search") { Description = "Only profiles whose name contains this", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("profile", "List performance profiles") { search };
        command.Aliases.Add("list");
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            using var client = PerfApiClient.For(session);
            var profiles = await client.ListProfilesAsync(parse.GetValue(search), cancellationToken).ConfigureAwait(false);
            session.Output.Write(profiles, () => session.Output.Table(PerfTables.ProfileHeaders, profiles.OfType<JsonObject>().Select(PerfTables.ProfileRow)));
            return 0;
        });
        return command;
    }
}

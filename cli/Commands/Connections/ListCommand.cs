using System.CommandLine;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Connections;

/// <summary><c>connection list [--kind K] [--status S] [--page N] [--page-size N]</c>.</summary>
public static class ListCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var paging = new PagingOptions();
        var kind = new Option<string?>("--kind") { Description = "Only connections of this kind (e.g. kubernetes)", HelpName = "kind" };
        var status = new Option<string?>("--status") { Description = "Only connections in this status (e.g. connected, discovered)", HelpName = "status" };
        var command = new Command("list", "List the connections") { kind, status };
        paging.AddTo(command);
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var query = paging.Query(parse);
            if (parse.GetValue(kind) is { Length: > 0 } k)
            {
                query += "&kind=" + Uri.EscapeDataString(k);
            }

            if (parse.GetValue(status) is { Length: > 0 } s)
            {
                query += "&status=" + Uri.EscapeDataString(s);
            }

            using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var page = await client.GetObjectAsync($"{EntityKind.Connection.Collection}?{query}", notFound: null, cancellationToken).ConfigureAwait(false);
            session.Output.Write(page, () => ConnectionCommand.Table(session, JsonText.Items(page, EntityKind.Connection.ItemsKey)));
            session.Output.Line(PagingOptions.Footer(page, EntityKind.Connection));
            return 0;
        });
        return command;
    }
}

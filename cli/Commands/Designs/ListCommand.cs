using System.CommandLine;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Designs;

/// <summary><c>design list [--page N] [--page-size N]</c>.</summary>
public static class ListCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var paging = new PagingOptions();
        var command = new Command("list", "List the designs, newest change first");
        paging.AddTo(command);
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var page = await client.GetObjectAsync($"{EntityKind.Design.Collection}?{paging.Query(parse)}", notFound: null, cancellationToken).ConfigureAwait(false);
            var designs = JsonText.Items(page, EntityKind.Design.ItemsKey);
            session.Output.Write(page, () => session.Output.Table(
                ["ID", "NAME", "VISIBILITY", "UPDATED"],
                designs.Select(d => (IReadOnlyList<string>)[JsonText.Of(d, "id"), JsonText.Of(d, "name"), JsonText.Of(d, "visibility"), JsonText.TimeOf(d, "updatedAt")])));
            session.Output.Line(PagingOptions.Footer(page, EntityKind.Design));
            return 0;
        });
        return command;
    }
}

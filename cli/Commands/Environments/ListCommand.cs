using System.CommandLine;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Environments;

/// <summary><c>environment list [--org-id ID] [--page N] [--page-size N]</c>.</summary>
public static class ListCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var paging = new PagingOptions();
        var organization = new Option<Guid?>("--org-id") { Description = "Only the environments of this organization", HelpName = "id" };
        var command = new Command("list", "List the environments") { organization };
        paging.AddTo(command);
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var query = paging.Query(parse) + (parse.GetValue(organization) is { } org ? $"&orgId={org:D}" : "");
            using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var page = await client.GetObjectAsync($"{EntityKind.Environment.Collection}?{query}", notFound: null, cancellationToken).ConfigureAwait(false);
            var environments = JsonText.Items(page, EntityKind.Environment.ItemsKey);
            session.Output.Write(page, () => session.Output.Table(
                ["ID", "NAME", "DESCRIPTION", "UPDATED"],
                environments.Select(e => (IReadOnlyList<string>)[JsonText.Of(e, "id"), JsonText.Of(e, "name"), JsonText.Of(e, "description"), JsonText.TimeOf(e, "updatedAt")])));
            session.Output.Line(PagingOptions.Footer(page, EntityKind.Environment));
            return 0;
        });
        return command;
    }
}

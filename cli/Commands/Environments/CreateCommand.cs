using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Common;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Json;

namespace Meshery.Cli.Commands.Environments;

/// <summary><c>environment create NAME [--description TEXT] [--org-id ID]</c>.</summary>
public static class CreateCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var name = new Argument<string>("name") { Description = $"The environment's name (at most {EnvironmentPayload.MaxNameLength} characters)" };
        var description = new Option<string?>("--description", "-d") { Description = "What the environment is for", HelpName = "text" };
        var organization = new Option<Guid?>("--org-id") { Description = "The organization it belongs to (default: the user's own)", HelpName = "id" };
        var command = new Command("create", "Create an environment") { name, description, organization };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var payload = new EnvironmentPayload
            {
                Name = parse.GetValue(name)!.Trim(),
                Description = parse.GetValue(description),
                OrganizationId = parse.GetValue(organization),
            };
            if (payload.Name.Length is 0 or > EnvironmentPayload.MaxNameLength)
            {
                throw new CliException($"the environment name must be 1 to {EnvironmentPayload.MaxNameLength} characters");
            }

            using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            using var content = JsonContent.Create(payload, ExtensionPointsJsonContext.Default.EnvironmentPayload);
            var created = await client.SendAsync(HttpMethod.Post, EntityKind.Environment.Collection, content, notFound: null, cancellationToken).ConfigureAwait(false) as JsonObject
                ?? throw new CliException("the Meshery server did not answer the created environment");
            session.Output.Write(created, $"Environment '{JsonText.Of(created, "name")}' created with id {JsonText.Of(created, "id")}.");
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.Cli.Output;

namespace Meshery.Cli.Commands.Providers;

/// <summary><c>system provider list</c>: the providers the Meshery server offers (<c>GET /api/providers</c>).</summary>
public static class ListCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var command = new Command("list", "List the providers the Meshery server of the current context offers");
        cli.SetAction(command, async (session, _, cancellationToken) =>
        {
            var config = session.LoadConfig();
            var (name, settings) = session.ResolveContext(config);
            using var client = new AgentClient(settings.EndpointUri(name));
            session.Detail($"GET {client.Endpoint}api/providers");
            var providers = await client.GetProvidersAsync(cancellationToken).ConfigureAwait(false);
            var rows = providers.Select(p => (
                name: p.Key,
                type: (p.Value?["providerType"] ?? p.Value?["provider_type"])?.GetValue<string>() ?? "",
                description: string.Join("; ", ((p.Value?["providerDescription"] ?? p.Value?["provider_description"]) as JsonArray ?? []).Select(d => d?.GetValue<string>()))))
                .OrderBy(r => r.name, StringComparer.Ordinal)
                .ToList();
            var data = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.name,
                ["type"] = r.type,
                ["description"] = r.description,
                ["selected"] = string.Equals(r.name, settings.Provider, StringComparison.OrdinalIgnoreCase),
            }).ToArray());
            session.Output.Write(data, () => session.Output.Table(
                ["NAME", "TYPE", "DESCRIPTION"],
                rows.Select(r => (IReadOnlyList<string>)[r.name, r.type, r.description])));
            return 0;
        });
        return command;
    }
}

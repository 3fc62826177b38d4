using System.CommandLine;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;

namespace Meshery.Cli.Commands.Adapters;

/// <summary><c>mesheryctl adapter</c>: the adapters the Meshery server uses.</summary>
public static class AdapterCommand
{
    public const string Route = "/api/system/adapters";

    public static Command Create(CliCommandFactory cli)
    {
        var adapter = new Command("adapter", "List the Meshery server's adapters and whether each answers");
        adapter.Subcommands.Add(ListCommand.Create(cli));
        adapter.Subcommands.Add(StatusCommand.Create(cli));
        return adapter;
    }

    /// <summary>The server's adapters as it last checked them (each new one is checked before the answer).</summary>
    public static async Task<IReadOnlyList<JsonObject>> ListAsync(AgentClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var answer = await client.SendAsync(HttpMethod.Get, Route, null, notFound: null, cancellationToken).ConfigureAwait(false);
        return answer is JsonArray adapters
            ? [.. adapters.OfType<JsonObject>()]
            : throw new CliException($"the Meshery server sent an unexpected answer to GET {Route}");
    }

    /// <summary>Whether the adapter answered the server's last liveness check.</summary>
    public static bool IsLive(JsonObject adapter) =>
        adapter?["live"] is JsonValue value && value.TryGetValue<bool>(out var live) && live;
}

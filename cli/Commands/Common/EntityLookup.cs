using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Cli.Commands.Common;

/// <summary>
/// Finds one design, environment or connection by its id or its exact name, as the commands that take
/// <c>NAME|ID</c> accept either.
/// </summary>
public static class EntityLookup
{
    public static async Task<JsonObject> FindAsync(AgentClient client, EntityKind kind, string nameOrId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrId);
        if (Guid.TryParse(nameOrId, out var id))
        {
            return await client.GetObjectAsync($"{kind.Collection}/{id:D}", $"{kind.Noun} {id:D}", cancellationToken).ConfigureAwait(false);
        }

        return await FindByNameAsync(client, kind, nameOrId, cancellationToken).ConfigureAwait(false)
            ?? throw new CliException($"{kind.Noun} '{nameOrId}' was not found on the Meshery server at {client.Endpoint} (see '{kind.ListCommand}')");
    }

    /// <summary>The one entity named exactly <paramref name="name"/>, or null when none is; several are an error.</summary>
    public static async Task<JsonObject?> FindByNameAsync(AgentClient client, EntityKind kind, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(kind);
        var query = $"{kind.Collection}?{kind.NameFilter}={Uri.EscapeDataString(name)}&pagesize={PagingLimits.MaxPageSize}";
        var page = await client.GetObjectAsync(query, notFound: null, cancellationToken).ConfigureAwait(false);
        var named = JsonText.Items(page, kind.ItemsKey)
            .Where(item => string.Equals(JsonText.Of(item, "name"), name, StringComparison.Ordinal))
            .ToList();
        return named.Count switch
        {
            0 => null,
            1 => named[0],
            _ => throw new CliException($"{named.Count} {kind.Plural} are named '{name}'; give the id instead (see '{kind.ListCommand}')"),
        };
    }

    /// <summary>The id of a found entity.</summary>
    public static Guid IdOf(JsonObject entity, EntityKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Guid.TryParse(JsonText.Of(entity, "id"), out var id)
            ? id
            : throw new CliException($"the Meshery server sent a {kind.Noun} without an id");
    }
}

using System.Text.Json.Nodes;
using Meshery.Cli.Agent;

namespace Meshery.Cli.Commands.Common;

/// <summary>The delete commands: find the entity, confirm, delete it, say so.</summary>
public static class EntityDeletion
{
    public static async Task<int> RunAsync(CliSession session, EntityKind kind, string nameOrId, bool yes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(kind);
        using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
        var found = await EntityLookup.FindAsync(client, kind, nameOrId, cancellationToken).ConfigureAwait(false);
        var id = EntityLookup.IdOf(found, kind);
        var name = JsonText.Of(found, "name");
        DeleteConfirmation.Require(session, yes, $"{kind.Noun} '{name}' ({id:D})");
        await client.SendAsync(HttpMethod.Delete, $"{kind.Collection}/{id:D}", null, $"{kind.Noun} {id:D}", cancellationToken).ConfigureAwait(false);
        session.Output.Write(
            new JsonObject { ["id"] = id.ToString("D"), ["name"] = name, ["deleted"] = true },
            $"Deleted {kind.Noun} '{name}' ({id:D}).");
        return 0;
    }
}

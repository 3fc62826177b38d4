using System.Text.Json.Nodes;

namespace Meshery.Cli.Commands.Perf;

/// <summary>Finds a profile by id or by its exact name (ignoring case), as users name them on the command line.</summary>
public static class PerfProfiles
{
    /// <summary>The profile, or null when none has that name.</summary>
    public static async Task<JsonObject?> FindAsync(PerfApiClient client, string nameOrId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrId);
        if (Guid.TryParse(nameOrId, out var id))
        {
            return await client.GetProfileAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var named = (await client.ListProfilesAsync(nameOrId, cancellationToken).ConfigureAwait(false))
            .OfType<JsonObject>()
            .Where(p => string.Equals((string?)p["name"], nameOrId, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return named.Count switch
        {
            0 => null,
            1 => named[0],
            _ => throw new CliException($"{named.Count} performance profiles are named '{nameOrId}'; name one by its id (see 'mesheryctl perf profile {nameOrId}')"),
        };
    }

    /// <summary>The profile, or a one-line error naming how to list them.</summary>
    public static async Task<JsonObject> RequireAsync(PerfApiClient client, string nameOrId, CancellationToken cancellationToken) =>
        await FindAsync(client, nameOrId, cancellationToken).ConfigureAwait(false)
            ?? throw new CliException($"no performance profile named '{nameOrId}' (see 'mesheryctl perf profile')");

    public static Guid IdOf(JsonObject profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Guid.TryParse((string?)profile["id"], out var id) ? id : throw new CliException("the Meshery server sent a profile without an id");
    }
}

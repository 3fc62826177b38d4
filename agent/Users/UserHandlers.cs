using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Json;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Users;

public static class UserHandlers
{
    /// <summary>
    /// Meshery's UI posts only the part of the preferences it changes; the members sent replace the
    /// stored ones and the rest is kept.
    /// </summary>
    public static Task<IResult> UpdatePreferencesAsync(HttpContext context, IPreferencesStore preferences, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<UserPreferences>(context, async (caller, update) =>
        {
            var saved = await SaveMergedAsync(preferences, caller, update, Preconditions.IfMatch(context.Request), cancellationToken);
            return ContractCall.Ok(context, saved);
        });

    /// <summary>
    /// Merges and saves under the entity tag just read. A conditional write (the client sent
    /// <c>If-Match</c>) fails when someone else wrote first; a blind one merges again onto the newer
    /// document, so concurrent partial updates all land and none is lost.
    /// </summary>
    private static async Task<ExtensionPoints.Stored<UserPreferences>> SaveMergedAsync(
        IPreferencesStore preferences, ExtensionPoints.ProviderCaller caller, UserPreferences update, string? ifMatch, CancellationToken cancellationToken)
    {
        const int attempts = 8;
        for (var attempt = 1; ; attempt++)
        {
            var current = await preferences.GetAsync(caller, cancellationToken);
            try
            {
                return await preferences.SaveAsync(caller, Merge(current.Value, update), ifMatch ?? current.ETag, cancellationToken);
            }
            catch (ExtensionPoints.Errors.ProviderException ex) when (
                ifMatch is null
                && attempt < attempts
                && ex.Kind is ExtensionPoints.Errors.ProviderErrorKind.PreconditionFailed or ExtensionPoints.Errors.ProviderErrorKind.Conflict)
            {
                // Someone else saved between our read and our write: merge onto theirs.
            }
        }
    }

    /// <summary>Top-level members present in <paramref name="update"/> replace those of <paramref name="current"/>.</summary>
    public static UserPreferences Merge(UserPreferences current, UserPreferences update)
    {
        var info = MesheryJson.Options.GetTypeInfo(typeof(UserPreferences));
        var target = JsonSerializer.SerializeToNode(current, info)!.AsObject();
        var source = JsonSerializer.SerializeToNode(update, info)!.AsObject();
        foreach (var (key, value) in source)
        {
            target[key] = value?.DeepClone();
        }

        return (UserPreferences)target.Deserialize(info)!;
    }
}

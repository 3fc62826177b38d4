using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Http;
using Meshery.Agent.Providers;
using Meshery.ExtensionPoints.Json;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meshery.Agent.Users;

public static class UserHandlers
{
    public static async Task<Ok<MesheryUser>> GetProfileAsync(
        HttpContext context, IUserProfileStore profiles, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(callers);
        return TypedResults.Ok(await profiles.GetCurrentAsync(callers.Resolve(context), cancellationToken));
    }

    public static async Task<Ok<UserPreferences>> GetPreferencesAsync(
        HttpContext context, IPreferencesStore preferences, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(callers);
        ArgumentNullException.ThrowIfNull(context);
        var stored = await preferences.GetAsync(callers.Resolve(context), cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    /// <summary>
    /// Meshery's UI posts only the part of the preferences it changes; the members sent replace the
    /// stored ones and the rest is kept.
    /// </summary>
    public static async Task<IResult> UpdatePreferencesAsync(
        HttpContext context,
        JsonBody<UserPreferences> body,
        IPreferencesStore preferences,
        IProviderCallerResolver callers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(callers);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var caller = callers.Resolve(context);
        var ifMatch = Preconditions.IfMatch(context.Request);
        var saved = await SaveMergedAsync(preferences, caller, body.Value!, ifMatch, cancellationToken);
        context.Response.Headers.ETag = saved.ETag;
        return TypedResults.Ok(saved.Value);
    }

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

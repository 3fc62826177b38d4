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
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        var current = await preferences.GetAsync(caller, cancellationToken);
        var merged = Merge(current.Value, body.Value!);
        var saved = await preferences.SaveAsync(caller, merged, string.IsNullOrEmpty(ifMatch) ? current.ETag : ifMatch, cancellationToken);
        context.Response.Headers.ETag = saved.ETag;
        return TypedResults.Ok(saved.Value);
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

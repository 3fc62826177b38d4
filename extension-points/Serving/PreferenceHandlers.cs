using Meshery.ExtensionPoints.Preferences;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>Capability <c>sync-prefs</c>.</summary>
public static class PreferenceHandlers
{
    public static Task<IResult> GetAsync(HttpContext context, IPreferencesStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller => ContractCall.Ok(context, await store.GetAsync(caller, cancellationToken)));

    /// <summary>Replaces the caller's preferences; Meshery expects 201.</summary>
    public static Task<IResult> PutAsync(HttpContext context, IPreferencesStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<UserPreferences>(context, async (caller, preferences) =>
        {
            var ifMatch = ExtensionPoints.Http.Preconditions.IfMatch(context.Request);
            var saved = await store.SaveAsync(caller, preferences, ifMatch, cancellationToken);
            return ContractCall.Created(context, context.Request.Path, saved);
        });
}

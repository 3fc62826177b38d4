using Meshery.ExtensionPoints.Http;
using Meshery.Agent.Providers;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Organizations;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary><c>sync-prefs</c>, <c>users-profile</c> and <c>organizations</c>.</summary>
public static class DoubleUserEndpoints
{
    public static IEndpointRouteBuilder MapDoubleUsers(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExtensionPointPaths.SyncPrefs, GetPreferencesAsync);
        app.MapPut(ExtensionPointPaths.SyncPrefs, SavePreferencesAsync);
        app.MapGet(ExtensionPointPaths.UsersProfile, GetProfileAsync);
        app.MapGet(ExtensionPointPaths.UsersProfile + "/{id}", GetProfileByIdAsync);
        app.MapGet(ExtensionPointPaths.Organizations, ListOrganizationsAsync);
        app.MapGet(ExtensionPointPaths.Organizations + "/{id}", GetOrganizationAsync);
        return app;
    }

    private static async Task<IResult> GetPreferencesAsync(HttpContext context, IPreferencesStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(callers.Resolve(context), cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    private static async Task<IResult> SavePreferencesAsync(
        HttpContext context, JsonBody<UserPreferences> body, IPreferencesStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var stored = await store.SaveAsync(callers.Resolve(context), body.Value!, Preconditions.IfMatch(context.Request), cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Created(ExtensionPointPaths.SyncPrefs, stored.Value);
    }

    private static async Task<IResult> GetProfileAsync(HttpContext context, IPreferencesStore preferences, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        var caller = callers.Resolve(context);
        var prefs = await preferences.GetAsync(caller, cancellationToken);
        return TypedResults.Ok(new MesheryUser
        {
            Id = caller.UserId,
            UserId = caller.UserId.ToString("N")[..8],
            Provider = "Conformance double",
            Email = $"{caller.UserId:N}@double.test",
            Status = "active",
            Preferences = prefs.Value,
        });
    }

    private static async Task<IResult> GetProfileByIdAsync(
        string id, HttpContext context, IPreferencesStore preferences, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var userId, out var problem))
        {
            return problem!;
        }

        return userId == callers.Resolve(context).UserId
            ? await GetProfileAsync(context, preferences, callers, cancellationToken)
            : ProblemAnswers.NotFound("User", userId);
    }

    private static async Task<IResult> ListOrganizationsAsync(
        HttpContext context, IOrganizationStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!ListQuery.TryParse(context.Request, out var page, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await store.ListAsync(callers.Resolve(context), page, cancellationToken));
    }

    private static async Task<IResult> GetOrganizationAsync(
        string id, HttpContext context, IOrganizationStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var organizationId, out var problem))
        {
            return problem!;
        }

        return await store.GetAsync(callers.Resolve(context), organizationId, cancellationToken) is { } organization
            ? TypedResults.Ok(organization)
            : ProblemAnswers.NotFound("Organization", organizationId);
    }
}

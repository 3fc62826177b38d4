using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Http;
using Meshery.Agent.Providers;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary><c>persist-connection</c> and <c>persist-credentials</c>.</summary>
public static class DoubleConnectionEndpoints
{
    public static IEndpointRouteBuilder MapDoubleConnections(this IEndpointRouteBuilder app)
    {
        var connections = app.MapGroup(ExtensionPointPaths.PersistConnection);
        connections.MapGet("", ListConnectionsAsync);
        connections.MapPost("", SaveConnectionAsync);
        connections.MapGet("/{id}", GetConnectionAsync);
        connections.MapPut("/{id}", UpdateConnectionAsync);
        connections.MapDelete("/{id}", DeleteConnectionAsync);
        var credentials = app.MapGroup(ExtensionPointPaths.PersistCredentials);
        credentials.MapGet("", ListCredentialsAsync);
        credentials.MapPost("", CreateCredentialAsync);
        credentials.MapGet("/{id}", GetCredentialAsync);
        credentials.MapPut("", UpdateCredentialAsync);
        credentials.MapDelete("", DeleteCredentialAsync);
        return app;
    }

    private static async Task<IResult> ListConnectionsAsync(HttpContext context, IConnectionStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!ListQuery.TryParse(context.Request, out var page, out var problem))
        {
            return problem!;
        }

        var query = context.Request.Query;
        var filter = new ConnectionQuery
        {
            Page = page,
            Name = ListQuery.First(query, "name"),
            Kinds = ListQuery.All(query, "kind"),
            Types = ListQuery.All(query, "type"),
            Statuses = ListQuery.All(query, "status"),
        };
        return TypedResults.Ok(await store.ListAsync(callers.Resolve(context), filter, cancellationToken));
    }

    private static async Task<IResult> SaveConnectionAsync(
        HttpContext context, JsonBody<ConnectionPayload> body, IConnectionStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var stored = await store.SaveAsync(callers.Resolve(context), body.Value!, cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Created($"{ExtensionPointPaths.PersistConnection}/{stored.Value.Id}", new ConnectionPage([stored.Value], 1, 0, 1));
    }

    private static async Task<IResult> GetConnectionAsync(string id, HttpContext context, IConnectionStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var connectionId, out var problem))
        {
            return problem!;
        }

        var stored = await store.GetAsync(callers.Resolve(context), connectionId, cancellationToken);
        if (stored is null)
        {
            return ProblemAnswers.NotFound("Connection", connectionId);
        }

        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    private static async Task<IResult> UpdateConnectionAsync(
        string id, HttpContext context, JsonBody<ConnectionPayload> body, IConnectionStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var connectionId, out var problem))
        {
            return problem!;
        }

        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var stored = await store.UpdateAsync(callers.Resolve(context), connectionId, body.Value!, Preconditions.IfMatch(context.Request), cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    private static async Task<IResult> DeleteConnectionAsync(string id, HttpContext context, IConnectionStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var connectionId, out var problem))
        {
            return problem!;
        }

        return await store.DeleteAsync(callers.Resolve(context), connectionId, cancellationToken) is { } deleted
            ? TypedResults.Ok(deleted)
            : ProblemAnswers.NotFound("Connection", connectionId);
    }

    private static async Task<IResult> ListCredentialsAsync(HttpContext context, ICredentialStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!ListQuery.TryParse(context.Request, out var page, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await store.ListAsync(callers.Resolve(context), page, cancellationToken));
    }

    private static async Task<IResult> CreateCredentialAsync(
        HttpContext context, JsonBody<CredentialPayload> body, ICredentialStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var stored = await store.CreateAsync(callers.Resolve(context), body.Value! with { Id = null }, cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Created($"{ExtensionPointPaths.PersistCredentials}/{stored.Value.Id}", stored.Value);
    }

    private static async Task<IResult> GetCredentialAsync(string id, HttpContext context, ICredentialStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var credentialId, out var problem))
        {
            return problem!;
        }

        var stored = await store.GetAsync(callers.Resolve(context), credentialId, cancellationToken);
        if (stored is null)
        {
            return ProblemAnswers.NotFound("Credential", credentialId);
        }

        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    private static async Task<IResult> UpdateCredentialAsync(
        HttpContext context, JsonBody<CredentialPayload> body, ICredentialStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        if (body.Value!.Id is not { } credentialId || credentialId == Guid.Empty)
        {
            return ProblemAnswers.BadRequest("'id' names the credential to update; it is required.");
        }

        var stored = await store.UpdateAsync(callers.Resolve(context), credentialId, body.Value, Preconditions.IfMatch(context.Request), cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    private static async Task<IResult> DeleteCredentialAsync(HttpContext context, ICredentialStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(ListQuery.First(context.Request.Query, "credential_id", "credentialId"), "credential_id", out var credentialId, out var problem))
        {
            return problem!;
        }

        return await store.DeleteAsync(callers.Resolve(context), credentialId, cancellationToken)
            ? TypedResults.Ok(new JsonObject())
            : ProblemAnswers.NotFound("Credential", credentialId);
    }
}

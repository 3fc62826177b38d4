using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>Capability <c>persist-connection</c>.</summary>
public static class ConnectionHandlers
{
    public static Task<IResult> ListAsync(HttpContext context, IConnectionStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
            ContractQueries.TryConnections(context.Request, out var query, out var problem)
                ? TypedResults.Ok(await store.ListAsync(caller, query, cancellationToken))
                : problem!);

    /// <summary>Meshery reads <c>connections[0]</c> of the answer, so the saved connection comes as a page.</summary>
    public static Task<IResult> SaveAsync(HttpContext context, IConnectionStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<ConnectionPayload>(context, async (caller, payload) =>
        {
            var stored = await store.SaveAsync(caller, payload, cancellationToken);
            context.Response.Headers.ETag = stored.ETag;
            return TypedResults.Created(
                ContractCall.LocationOf(context, stored.Value.Id),
                new ConnectionPage([stored.Value], 1, 0, 1));
        });

    public static Task<IResult> GetAsync(string id, HttpContext context, IConnectionStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var connectionId, out var problem))
            {
                return problem!;
            }

            var stored = await store.GetAsync(caller, connectionId, cancellationToken);
            return stored is null ? ProblemAnswers.NotFound("Connection", connectionId) : ContractCall.Ok(context, stored);
        });

    /// <summary>Updates a connection from a full payload or just <c>{status}</c>.</summary>
    public static Task<IResult> UpdateAsync(string id, HttpContext context, IConnectionStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<ConnectionPayload>(context, async (caller, payload) =>
        {
            if (!ContractCall.TryId(id, "id", out var connectionId, out var problem))
            {
                return problem!;
            }

            var stored = await store.UpdateAsync(caller, connectionId, payload, Preconditions.IfMatch(context.Request), cancellationToken);
            return ContractCall.Ok(context, stored);
        });

    public static Task<IResult> DeleteAsync(string id, HttpContext context, IConnectionStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var connectionId, out var problem))
            {
                return problem!;
            }

            var deleted = await store.DeleteAsync(caller, connectionId, cancellationToken);
            return deleted is null ? ProblemAnswers.NotFound("Connection", connectionId) : TypedResults.Ok(deleted);
        });
}

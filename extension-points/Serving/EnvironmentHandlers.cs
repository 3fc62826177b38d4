using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>Capability <c>environments</c>, with the environment-connection mapping.</summary>
public static class EnvironmentHandlers
{
    public static Task<IResult> ListAsync(HttpContext context, IEnvironmentStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ListQuery.TryParse(context.Request, out var page, out var problem)
                || !OrganizationFilter.TryParse(context.Request, out var organizationId, out problem))
            {
                return problem!;
            }

            return TypedResults.Ok(await store.ListAsync(caller, page, organizationId, cancellationToken));
        });

    public static Task<IResult> CreateAsync(HttpContext context, IEnvironmentStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<EnvironmentPayload>(context, async (caller, payload) =>
        {
            var stored = await store.CreateAsync(caller, payload, cancellationToken);
            return ContractCall.Created(context, ContractCall.LocationOf(context, stored.Value.Id), stored);
        });

    public static Task<IResult> GetAsync(string id, HttpContext context, IEnvironmentStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var environmentId, out var problem))
            {
                return problem!;
            }

            var stored = await store.GetAsync(caller, environmentId, cancellationToken);
            return stored is null ? ProblemAnswers.NotFound("Environment", environmentId) : ContractCall.Ok(context, stored);
        });

    public static Task<IResult> UpdateAsync(string id, HttpContext context, IEnvironmentStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<EnvironmentPayload>(context, async (caller, payload) =>
        {
            if (!ContractCall.TryId(id, "id", out var environmentId, out var problem))
            {
                return problem!;
            }

            var stored = await store.UpdateAsync(caller, environmentId, payload, Preconditions.IfMatch(context.Request), cancellationToken);
            return ContractCall.Ok(context, stored);
        });

    public static Task<IResult> DeleteAsync(string id, HttpContext context, IEnvironmentStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var environmentId, out var problem))
            {
                return problem!;
            }

            return await store.DeleteAsync(caller, environmentId, cancellationToken)
                ? TypedResults.NoContent()
                : ProblemAnswers.NotFound("Environment", environmentId);
        });

    public static Task<IResult> ListConnectionsAsync(string environmentId, HttpContext context, IEnvironmentStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(environmentId, "environmentId", out var id, out var problem)
                || !ListQuery.TryParse(context.Request, out var page, out problem))
            {
                return problem!;
            }

            return TypedResults.Ok(await store.ListConnectionsAsync(caller, id, page, cancellationToken));
        });

    public static Task<IResult> AddConnectionAsync(
        string environmentId, string connectionId, HttpContext context, IEnvironmentStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(environmentId, "environmentId", out var environment, out var problem)
                || !ContractCall.TryId(connectionId, "connectionId", out var connection, out problem))
            {
                return problem!;
            }

            await store.AddConnectionAsync(caller, environment, connection, cancellationToken);
            return TypedResults.NoContent();
        });

    public static Task<IResult> RemoveConnectionAsync(
        string environmentId, string connectionId, HttpContext context, IEnvironmentStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(environmentId, "environmentId", out var environment, out var problem)
                || !ContractCall.TryId(connectionId, "connectionId", out var connection, out problem))
            {
                return problem!;
            }

            return await store.RemoveConnectionAsync(caller, environment, connection, cancellationToken)
                ? TypedResults.NoContent()
                : ProblemAnswers.Status(StatusCodes.Status404NotFound, $"Connection '{connection}' is not in environment '{environment}'.");
        });
}

using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Workspaces;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>Capability <c>workspaces</c>.</summary>
public static class WorkspaceHandlers
{
    public static Task<IResult> ListAsync(HttpContext context, IWorkspaceStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ListQuery.TryParse(context.Request, out var page, out var problem)
                || !OrganizationFilter.TryParse(context.Request, out var organizationId, out problem))
            {
                return problem!;
            }

            return TypedResults.Ok(await store.ListAsync(caller, page, organizationId, cancellationToken));
        });

    public static Task<IResult> CreateAsync(HttpContext context, IWorkspaceStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<WorkspacePayload>(context, async (caller, payload) =>
        {
            var stored = await store.CreateAsync(caller, payload, cancellationToken);
            return ContractCall.Created(context, ContractCall.LocationOf(context, stored.Value.Id), stored);
        });

    public static Task<IResult> GetAsync(string id, HttpContext context, IWorkspaceStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var workspaceId, out var problem))
            {
                return problem!;
            }

            var stored = await store.GetAsync(caller, workspaceId, cancellationToken);
            return stored is null ? ProblemAnswers.NotFound("Workspace", workspaceId) : ContractCall.Ok(context, stored);
        });

    public static Task<IResult> UpdateAsync(string id, HttpContext context, IWorkspaceStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<WorkspacePayload>(context, async (caller, payload) =>
        {
            if (!ContractCall.TryId(id, "id", out var workspaceId, out var problem))
            {
                return problem!;
            }

            return ContractCall.Ok(context, await store.UpdateAsync(caller, workspaceId, payload, Preconditions.IfMatch(context.Request), cancellationToken));
        });

    public static Task<IResult> DeleteAsync(string id, HttpContext context, IWorkspaceStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var workspaceId, out var problem))
            {
                return problem!;
            }

            return await store.DeleteAsync(caller, workspaceId, cancellationToken)
                ? TypedResults.NoContent()
                : ProblemAnswers.NotFound("Workspace", workspaceId);
        });
}

using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Workspaces;
using Meshery.Provider.Hosting;
using Microsoft.AspNetCore.Http;

namespace Meshery.Provider.Workspaces;

/// <summary>Capability <c>workspaces</c>.</summary>
public static class WorkspaceHandlers
{
    public static Task<IResult> ListAsync(HttpContext context, IWorkspaceStore store, CancellationToken cancellationToken) =>
        ProviderCall.RunAsync(context, async caller =>
        {
            if (!ListQuery.TryParse(context.Request, out var page, out var problem)
                || !OrganizationFilter.TryParse(context.Request, out var organizationId, out problem))
            {
                return problem!;
            }

            return TypedResults.Ok(await store.ListAsync(caller, page, organizationId, cancellationToken));
        });

    public static Task<IResult> CreateAsync(HttpContext context, IWorkspaceStore store, CancellationToken cancellationToken) =>
        ProviderCall.RunAsync<WorkspacePayload>(context, async (caller, payload) =>
        {
            var stored = await store.CreateAsync(caller, payload, cancellationToken);
            return ProviderCall.Created(context, $"/{ProviderRoutes.Workspaces}/{stored.Value.Id}", stored);
        });

    public static Task<IResult> GetAsync(string id, HttpContext context, IWorkspaceStore store, CancellationToken cancellationToken) =>
        ProviderCall.RunAsync(context, async caller =>
        {
            if (!ProviderCall.TryId(id, "id", out var workspaceId, out var problem))
            {
                return problem!;
            }

            var stored = await store.GetAsync(caller, workspaceId, cancellationToken);
            return stored is null ? ProblemAnswers.NotFound("Workspace", workspaceId) : ProviderCall.Ok(context, stored);
        });

    public static Task<IResult> UpdateAsync(string id, HttpContext context, IWorkspaceStore store, CancellationToken cancellationToken) =>
        ProviderCall.RunAsync<WorkspacePayload>(context, async (caller, payload) =>
        {
            if (!ProviderCall.TryId(id, "id", out var workspaceId, out var problem))
            {
                return problem!;
            }

            return ProviderCall.Ok(context, await store.UpdateAsync(caller, workspaceId, payload, Preconditions.IfMatch(context.Request), cancellationToken));
        });

    public static Task<IResult> DeleteAsync(string id, HttpContext context, IWorkspaceStore store, CancellationToken cancellationToken) =>
        ProviderCall.RunAsync(context, async caller =>
        {
            if (!ProviderCall.TryId(id, "id", out var workspaceId, out var problem))
            {
                return problem!;
            }

            return await store.DeleteAsync(caller, workspaceId, cancellationToken)
                ? TypedResults.NoContent()
                : ProblemAnswers.NotFound("Workspace", workspaceId);
        });
}

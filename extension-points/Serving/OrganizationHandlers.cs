using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Organizations;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>Capability <c>organizations</c>.</summary>
public static class OrganizationHandlers
{
    public static Task<IResult> ListAsync(HttpContext context, IOrganizationStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
            ListQuery.TryParse(context.Request, out var page, out var problem)
                ? TypedResults.Ok(await store.ListAsync(caller, page, cancellationToken))
                : problem!);

    public static Task<IResult> GetAsync(string id, HttpContext context, IOrganizationStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var organizationId, out var problem))
            {
                return problem!;
            }

            var organization = await store.GetAsync(caller, organizationId, cancellationToken);
            return organization is null ? ProblemAnswers.NotFound("Organization", organizationId) : TypedResults.Ok(organization);
        });
}

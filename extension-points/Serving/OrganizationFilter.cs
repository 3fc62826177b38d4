using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>The optional <c>orgId</c> query value (<c>orgID</c> in older servers).</summary>
public static class OrganizationFilter
{
    public static bool TryParse(HttpRequest request, out Guid? organizationId, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        organizationId = null;
        problem = null;
        if (ListQuery.First(request.Query, "orgId", "orgID", "org_id") is not { } text)
        {
            return true;
        }

        if (!RouteIds.TryParse(text, "orgId", out var parsed, out problem))
        {
            return false;
        }

        organizationId = parsed;
        return true;
    }
}

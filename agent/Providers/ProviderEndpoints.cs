using Meshery.Agent.Hosting;
using Meshery.ExtensionPoints.Serving;
using Meshery.ExtensionPoints.Capabilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Providers;

public static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapProviderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Providers");
        group.MapGet("/providers", ListAsync).WithName("ListProviders");
        group.MapGet("/provider/capabilities", CapabilitiesAsync).WithName("GetProviderCapabilities");
        return app;
    }

    /// <summary>Every provider this agent can use, by name, with its capabilities document.</summary>
    public static async Task<Ok<Dictionary<string, CapabilitiesDocument>>> ListAsync(
        ICapabilitiesSource capabilities, CancellationToken cancellationToken)
    {
        var document = await capabilities.GetCapabilitiesAsync(null, cancellationToken);
        return TypedResults.Ok(new Dictionary<string, CapabilitiesDocument>(StringComparer.Ordinal) { [document.ProviderName] = document });
    }

    public static async Task<Ok<CapabilitiesDocument>> CapabilitiesAsync(
        HttpContext context, ICapabilitiesSource capabilities, IContractCallerResolver callers, CancellationToken cancellationToken)
    {
        var document = await capabilities.GetCapabilitiesAsync(callers.Resolve(context), cancellationToken);
        return TypedResults.Ok(document);
    }
}

using Meshery.Agent.LocalProvider.Capabilities;
using Meshery.Agent.RemoteProvider;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Providers;

public static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapProviderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Providers");
        group.MapGet("/providers", List).WithName("ListProviders").AllowAnonymous();
        group.MapGet("/provider/capabilities", CapabilitiesAsync).WithName("GetProviderCapabilities");
        return app;
    }

    /// <summary>
    /// Every provider this agent offers, by name, with its capabilities document: Local (unless the remote
    /// provider is enforced) and the configured remote provider.
    /// </summary>
    public static Ok<Dictionary<string, CapabilitiesDocument>> List(IOptions<RemoteModeOptions> remote, RemoteProviderCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(catalog);
        var providers = new Dictionary<string, CapabilitiesDocument>(StringComparer.Ordinal);
        if (!remote.Value.Enforce || !remote.Value.IsEnabled)
        {
            providers[LocalCapabilities.Document.ProviderName] = LocalCapabilities.Document;
        }

        if (remote.Value.IsEnabled)
        {
            providers[remote.Value.Name] = catalog.Describe();
        }

        return TypedResults.Ok(providers);
    }

    /// <summary>The capabilities of the provider the request uses (the remote one with the user's token).</summary>
    public static async Task<Ok<CapabilitiesDocument>> CapabilitiesAsync(
        HttpContext context, ICapabilitiesSource capabilities, IContractCallerResolver callers, CancellationToken cancellationToken)
    {
        var document = await capabilities.GetCapabilitiesAsync(callers.Resolve(context), cancellationToken);
        return TypedResults.Ok(document);
    }
}

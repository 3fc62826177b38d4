using Meshery.Agent.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Registry;

public static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapRegistryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(AgentRoutes.ComponentsRegister, RegistryHandlers.RegisterAsync).WithTags("Registry").WithName("RegisterComponentLegacy").AllowAnonymous();
        app.MapPost(AgentRoutes.RegistryComponents, RegistryHandlers.RegisterAsync).WithTags("Registry").WithName("RegisterComponent").AllowAnonymous();
        app.MapPost(AgentRoutes.MeshmodelsComponents, RegistryHandlers.RegisterAsync).WithTags("Registry").WithName("RegisterComponentDeprecated").AllowAnonymous();
        app.MapGet(AgentRoutes.RegistryRegistrants, RegistryHandlers.ListRegistrantsAsync).WithTags("Registry").WithName("ListRegistrants");
        app.MapGet(AgentRoutes.MeshmodelsRegistrants, RegistryHandlers.ListRegistrantsAsync).WithTags("Registry").WithName("ListRegistrantsDeprecated");
        return app;
    }
}

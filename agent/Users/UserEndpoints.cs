using Meshery.Agent.Hosting;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Users;

public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/user").WithTags("User");
        group.MapGet(AgentRoutes.Root, ProfileHandlers.GetCurrentAsync).WithName("GetUser");
        group.MapGet(AgentRoutes.Prefs, PreferenceHandlers.GetAsync).WithName("GetUserPreferences");
        group.MapPost(AgentRoutes.Prefs, UserHandlers.UpdatePreferencesAsync).WithName("UpdateUserPreferences");
        return app;
    }
}

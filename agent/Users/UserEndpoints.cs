using Meshery.Agent.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Users;

public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/user").WithTags("User");
        group.MapGet("", UserHandlers.GetProfileAsync).WithName("GetUser");
        group.MapGet("/prefs", UserHandlers.GetPreferencesAsync).WithName("GetUserPreferences");
        group.MapPost("/prefs", UserHandlers.UpdatePreferencesAsync).WithName("UpdateUserPreferences");
        return app;
    }
}

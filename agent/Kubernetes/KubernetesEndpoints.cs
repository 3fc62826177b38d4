using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Kubernetes;

public static class KubernetesEndpoints
{
    public static IEndpointRouteBuilder MapKubernetesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/system/kubernetes").WithTags("Kubernetes");
        group.MapPost("", KubernetesHandlers.UploadAsync).WithName("UploadKubeconfig").DisableAntiforgery();
        return app;
    }
}

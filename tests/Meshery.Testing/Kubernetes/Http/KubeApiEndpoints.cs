using Meshery.Testing.Kubernetes.Discovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Testing.Kubernetes.Http;

/// <summary>The fake API server's pipeline: request counting, bearer-token check, discovery, resources.</summary>
internal static class KubeApiEndpoints
{
    public static void UseKubeApi(this WebApplication app, FakeKubeState state)
    {
        app.Use((context, next) => CountAndAuthenticateAsync(context, next, state));
        app.MapDiscoveryEndpoints();
        app.Map("/api/{version}/{**path}", ResourceHandlers.CoreAsync);
        app.Map("/apis/{group}/{version}/{**path}", ResourceHandlers.GroupAsync);
        app.MapFallback(NotFoundAsync);
    }

    private static Task CountAndAuthenticateAsync(HttpContext context, RequestDelegate next, FakeKubeState state)
    {
        state.Requests.Count(context.Request.Path.Value ?? "/");
        var token = state.Options.BearerToken;
        if (token is not null && context.Request.Headers.Authorization.FirstOrDefault() != $"Bearer {token}")
        {
            return KubeResponses.WriteStatusAsync(context, KubeStatus.Unauthorized());
        }

        return next(context);
    }

    private static Task NotFoundAsync(HttpContext context) =>
        KubeResponses.WriteStatusAsync(context, KubeStatus.NoSuchPath());
}

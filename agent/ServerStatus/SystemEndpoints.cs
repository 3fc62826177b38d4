using Meshery.Agent.Hosting;
using Meshery.Agent.LocalProvider;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.ServerStatus;

public static class SystemEndpoints
{
    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Healthz).WithTags("System").WithName("Healthz").AllowAnonymous();
        app.MapGet("/readyz", Readyz).WithTags("System").WithName("Readyz").AllowAnonymous();
        app.MapGet("/api/system/version", Version).WithTags("System").WithName("GetSystemVersion").AllowAnonymous();
        return app;
    }

    public static Ok<HealthReport> Healthz() => TypedResults.Ok(new HealthReport("ok"));

    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Readyz(
        LocalProviderStartup startup, IEnumerable<IReadinessCheck> modules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(startup);
        ArgumentNullException.ThrowIfNull(modules);
        await startup.CheckAsync(cancellationToken);
        var checks = new Dictionary<string, string>(StringComparer.Ordinal) { ["provider"] = startup.Status };
        var modulesReady = true;
        foreach (var module in modules)
        {
            var result = module.Check();
            checks[module.Name] = result.Status;
            modulesReady &= result.Ready || !result.Required;
        }

        return startup.IsReady && modulesReady
            ? TypedResults.Ok(new HealthReport("ready", checks))
            : TypedResults.Json(new HealthReport("not ready", checks), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public static Ok<VersionInfo> Version(IOptions<AgentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TypedResults.Ok(new VersionInfo(AgentBuild.Version, AgentBuild.Version, false, AgentBuild.CommitSha, options.Value.ReleaseChannel));
    }
}

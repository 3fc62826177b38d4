using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Registry;

/// <summary>Component registration (adapters and other registrants) and the registrant list.</summary>
public static class RegistryHandlers
{
    /// <summary>
    /// <c>POST /api/meshmodel/components/register</c> (and <c>/api/registry/components</c>, <c>/api/meshmodels/components</c>):
    /// records one component definition for its registrant; 201 when recorded. Open to registrants without a session,
    /// as upstream: adapters register before any user signs in.
    /// </summary>
    public static async Task<IResult> RegisterAsync(HttpContext context, ComponentRegistry registry, IOptions<RegistryOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return ProblemAnswers.Status(StatusCodes.Status413PayloadTooLarge, $"A registration is at most {limit / 1024} KiB.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var body = await JsonBody<RegistrantData>.BindAsync(context);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        if (!ComponentRegistration.TryRead(body.Value!, out var registration, out var reason))
        {
            return ProblemAnswers.BadRequest(reason!);
        }

        return registry.Register(registration!) is { } recorded
            ? TypedResults.Json(recorded, statusCode: StatusCodes.Status201Created)
            : ProblemAnswers.Status(StatusCodes.Status503ServiceUnavailable, "The registry holds as many registrants or components as it is allowed to.");
    }

    /// <summary><c>GET /api/registry/registrants</c> (and <c>/api/meshmodels/registrants</c>): who registered what, most recent first.</summary>
    public static Task<IResult> ListRegistrantsAsync(HttpContext context, ComponentRegistry registry) =>
        ContractCall.RunAsync(context, caller =>
            Task.FromResult<IResult>(ListQuery.TryParse(context.Request, out var page, out var problem)
                ? TypedResults.Ok(registry.List(page))
                : problem!));
}

using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>
/// The frame of every handler that serves the contract over HTTP, identical in every host (the
/// provider's two, the agent's): resolve the caller through the host's <see cref="IContractCallerResolver"/>
/// (401 when there is none), read the JSON body within the body limit when there is one, and turn
/// provider failures into problem details instead of exceptions.
/// </summary>
public static class ContractCall
{
    public static async Task<IResult> RunAsync(HttpContext context, Func<ProviderCaller, Task<IResult>> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var caller = context.RequestServices.GetRequiredService<IContractCallerResolver>().Resolve(context);
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return ProblemAnswers.Status(StatusCodes.Status401Unauthorized, "A valid bearer token is required: sign in again.");
        }

        try
        {
            return await body(caller);
        }
        catch (ProviderException ex)
        {
            return ProblemAnswers.Status(ProblemAnswers.StatusOf(ex.Kind), ex.Message);
        }
    }

    public static Task<IResult> RunAsync<TBody>(HttpContext context, Func<ProviderCaller, TBody, Task<IResult>> body)
        where TBody : class =>
        RunAsync(context, async caller =>
        {
            if (BodyLimit.Check(context) is { } tooLarge)
            {
                return tooLarge;
            }

            var json = await JsonBody<TBody>.BindAsync(context);
            return json.Problem ?? await body(caller, json.Value!);
        });

    /// <summary>The path of an entity created under the collection the request posted to.</summary>
    public static string LocationOf(HttpContext context, Guid id)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"{context.Request.PathBase}{context.Request.Path.Value?.TrimEnd('/')}/{id:D}";
    }

    /// <summary>Parses a route id, or answers 400 through <paramref name="problem"/>.</summary>
    public static bool TryId(string? text, string name, out Guid id, out IResult? problem) => RouteIds.TryParse(text, name, out id, out problem);

    /// <summary>Sets the ETag header and answers 200 with the value.</summary>
    public static IResult Ok<T>(HttpContext context, Stored<T> stored)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stored);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    /// <summary>Sets the ETag header and answers 201 with the value.</summary>
    public static IResult Created<T>(HttpContext context, string location, Stored<T> stored)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stored);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Created(location, stored.Value);
    }
}

using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>
/// Applies <see cref="ContractHttpOptions.MaxRequestBodyBytes"/> to a request in either host: a declared
/// length over the limit answers 413 at once, and the server-side limit is lowered for bodies sent
/// without a length (the Functions worker's Kestrel does not read the provider's options).
/// </summary>
public static class BodyLimit
{
    public static IResult? Check(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.RequestServices.GetService<IOptions<ContractHttpOptions>>()?.Value.MaxRequestBodyBytes ?? ContractHttpOptions.DefaultMaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            // The body stays unread: the connection must not carry another request after this answer.
            context.Response.Headers.Connection = "close";
            return ProblemAnswers.Status(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than this server accepts ({limit} bytes).");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature
            && (feature.MaxRequestBodySize is null || feature.MaxRequestBodySize > limit))
        {
            feature.MaxRequestBodySize = limit;
        }

        return null;
    }
}

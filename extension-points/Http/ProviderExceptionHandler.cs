using Meshery.ExtensionPoints.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Meshery.ExtensionPoints.Http;

/// <summary>
/// Turns a provider's expected failures (and a client's broken request) into problem details with
/// the matching status; anything else stays a 500 without internals.
/// </summary>
public sealed class ProviderExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, detail) = exception switch
        {
            ProviderException provider => (ProblemAnswers.StatusOf(provider.Kind), provider.Message),
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is larger than this server accepts."
                : bad.Message),
            _ => (StatusCodes.Status500InternalServerError, "The server failed to handle the request; see its log."),
        };
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = ReasonPhrases.GetReasonPhrase(status), Detail = detail },
        });
    }
}

using Meshery.ExtensionPoints.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Meshery.ExtensionPoints.Http;

/// <summary>RFC 7807 answers for the agent's expected failures.</summary>
public static class ProblemAnswers
{
    public static ProblemHttpResult Status(int status, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: ReasonPhrases.GetReasonPhrase(status));

    public static ProblemHttpResult BadRequest(string detail) => Status(StatusCodes.Status400BadRequest, detail);

    public static ProblemHttpResult NotFound(string entity, object id) =>
        Status(StatusCodes.Status404NotFound, $"{entity} '{id}' was not found.");

    public static int StatusOf(ProviderErrorKind kind) => kind switch
    {
        ProviderErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ProviderErrorKind.NotFound => StatusCodes.Status404NotFound,
        ProviderErrorKind.Conflict => StatusCodes.Status409Conflict,
        ProviderErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ProviderErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ProviderErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status503ServiceUnavailable,
    };
}

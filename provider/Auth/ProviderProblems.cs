using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;

namespace Meshery.Provider.Auth;

/// <summary>Problem answers specific to the provider's authentication.</summary>
public static class ProviderProblems
{
    public static IResult Unauthorized(string detail) => ProblemAnswers.Status(StatusCodes.Status401Unauthorized, detail);
}

using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Http;

/// <summary>Route ids are UUIDs; anything else is a client error, not a missing entity.</summary>
public static class RouteIds
{
    public static bool TryParse(string? text, string name, out Guid id, out IResult? problem)
    {
        if (Guid.TryParse(text, out id) && id != Guid.Empty)
        {
            problem = null;
            return true;
        }

        problem = ProblemAnswers.BadRequest($"'{name}' must be a UUID; got '{Truncate(text)}'.");
        return false;
    }

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 64 ? text : text[..64] + "…";
}

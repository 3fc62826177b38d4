using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Designs;

/// <summary>Where Meshery server's design routes differ from the Extension Points.</summary>
public static class DesignHandlers
{
    /// <summary>
    /// Saves <c>{name, patternData, save}</c>. As Meshery server does, the answer is 200 with an array
    /// holding the saved design; with <c>save: false</c> the design is checked and echoed but not stored.
    /// </summary>
    public static Task<IResult> SaveAsync(HttpContext context, IDesignStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<DesignSaveRequest>(context, async (caller, request) =>
        {
            if (request.PatternData is null)
            {
                return ProblemAnswers.BadRequest("'patternData' is required: the design to save.");
            }

            if (string.IsNullOrWhiteSpace(request.PatternData.PatternFile))
            {
                return ProblemAnswers.BadRequest("'patternData.patternFile' is required: the design's YAML or JSON.");
            }

            var design = request.PatternData with { Name = request.PatternData.Name is { Length: > 0 } n ? n : request.Name ?? "" };
            if (!request.Save)
            {
                return TypedResults.Ok(new[] { design });
            }

            var stored = await store.SaveAsync(caller, design, Preconditions.IfMatch(context.Request), cancellationToken);
            context.Response.Headers.ETag = stored.ETag;
            return TypedResults.Ok(new[] { stored.Value });
        });
}

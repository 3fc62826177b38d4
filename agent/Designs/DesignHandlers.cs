using Meshery.ExtensionPoints.Http;
using Meshery.Agent.Providers;
using Meshery.ExtensionPoints.Designs;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Designs;

public static class DesignHandlers
{
    /// <summary>Lists designs; <c>visibility</c> repeats or takes commas, <c>updated_after</c> is RFC 3339.</summary>
    public static async Task<IResult> ListAsync(
        HttpContext context, IDesignStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!ContractQueries.TryDesigns(context.Request, out var designQuery, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await store.ListAsync(callers.Resolve(context), designQuery, cancellationToken));
    }

    public static async Task<IResult> GetAsync(
        string id, HttpContext context, IDesignStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(id, "id", out var designId, out var problem))
        {
            return problem!;
        }

        var stored = await store.GetAsync(callers.Resolve(context), designId, cancellationToken);
        if (stored is null)
        {
            return ProblemAnswers.NotFound("Design", designId);
        }

        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    /// <summary>
    /// Saves <c>{name, patternData, save}</c>. As Meshery server does, the answer is an array holding
    /// the saved design; with <c>save: false</c> the design is checked and echoed but not stored.
    /// </summary>
    public static async Task<IResult> SaveAsync(
        HttpContext context, JsonBody<DesignSaveRequest> body, IDesignStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var request = body.Value!;
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

        var stored = await store.SaveAsync(callers.Resolve(context), design, Preconditions.IfMatch(context.Request), cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(new[] { stored.Value });
    }

    public static async Task<IResult> DeleteAsync(
        string id, HttpContext context, IDesignStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(id, "id", out var designId, out var problem))
        {
            return problem!;
        }

        return await store.DeleteAsync(callers.Resolve(context), designId, cancellationToken)
            ? TypedResults.NoContent()
            : ProblemAnswers.NotFound("Design", designId);
    }

    /// <summary>The design file itself, as an attachment named after the design.</summary>
    public static async Task<IResult> DownloadAsync(
        string id, HttpContext context, IDesignStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(id, "id", out var designId, out var problem))
        {
            return problem!;
        }

        var stored = await store.GetAsync(callers.Resolve(context), designId, cancellationToken);
        if (stored is null)
        {
            return ProblemAnswers.NotFound("Design", designId);
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(stored.Value.PatternFile);
        var fileName = string.Concat(stored.Value.Name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-')) + ".yaml";
        return TypedResults.File(bytes, "application/yaml", fileName);
    }
}

using System.Text;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>Capability <c>persist-meshery-patterns</c>: designs, with upload and download of the file.</summary>
public static class DesignHandlers
{
    public static Task<IResult> ListAsync(HttpContext context, IDesignStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
            ContractQueries.TryDesigns(context.Request, out var query, out var problem)
                ? TypedResults.Ok(await store.ListAsync(caller, query, cancellationToken))
                : problem!);

    /// <summary>Saves <c>{name, patternData, save}</c>; answers 201 with an array holding the design.</summary>
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
            var stored = await store.SaveAsync(caller, design, Preconditions.IfMatch(context.Request), cancellationToken);
            context.Response.Headers.ETag = stored.ETag;
            return TypedResults.Created(ContractCall.LocationOf(context, stored.Value.Id), new[] { stored.Value });
        });

    public static Task<IResult> GetAsync(string id, HttpContext context, IDesignStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var designId, out var problem))
            {
                return problem!;
            }

            var stored = await store.GetAsync(caller, designId, cancellationToken);
            return stored is null ? ProblemAnswers.NotFound("Design", designId) : ContractCall.Ok(context, stored);
        });

    public static Task<IResult> DeleteAsync(string id, HttpContext context, IDesignStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var designId, out var problem))
            {
                return problem!;
            }

            return await store.DeleteAsync(caller, designId, cancellationToken)
                ? TypedResults.NoContent()
                : ProblemAnswers.NotFound("Design", designId);
        });

    /// <summary>Meshery's bulk delete: <c>DELETE ep {patterns:[{id,name}]}</c>.</summary>
    public static Task<IResult> DeleteManyAsync(HttpContext context, IDesignStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<DesignDeleteRequest>(context, async (caller, request) =>
        {
            if (request.Patterns.Count > DesignDeleteRequest.MaxPatterns)
            {
                return ProblemAnswers.BadRequest($"At most {DesignDeleteRequest.MaxPatterns} designs may be deleted at once.");
            }

            var deleted = 0;
            foreach (var pattern in request.Patterns)
            {
                if (pattern.Id != Guid.Empty && await store.DeleteAsync(caller, pattern.Id, cancellationToken))
                {
                    deleted++;
                }
            }

            return TypedResults.Ok(new CountAnswer(deleted));
        });

    /// <summary>Replaces a design's file with the request body (YAML or JSON text).</summary>
    public static Task<IResult> UploadAsync(string id, HttpContext context, IDesignStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var designId, out var problem))
            {
                return problem!;
            }

            var current = await store.GetAsync(caller, designId, cancellationToken);
            if (current is null)
            {
                return ProblemAnswers.NotFound("Design", designId);
            }

            if (BodyLimit.Check(context) is { } tooLarge)
            {
                return tooLarge;
            }

            string file;
            try
            {
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
                file = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return ProblemAnswers.Status(StatusCodes.Status413PayloadTooLarge, "The request body is larger than this server accepts.");
            }

            if (string.IsNullOrWhiteSpace(file))
            {
                return ProblemAnswers.BadRequest("The request body is empty; the design file was expected.");
            }

            var stored = await store.SaveAsync(
                caller, current.Value with { PatternFile = file }, Preconditions.IfMatch(context.Request) ?? current.ETag, cancellationToken);
            return ContractCall.Ok(context, stored);
        });

    public static Task<IResult> DownloadAsync(string id, HttpContext context, IDesignStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var designId, out var problem))
            {
                return problem!;
            }

            var stored = await store.GetAsync(caller, designId, cancellationToken);
            if (stored is null)
            {
                return ProblemAnswers.NotFound("Design", designId);
            }

            var fileName = string.Concat(stored.Value.Name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-')) + ".yaml";
            return TypedResults.File(Encoding.UTF8.GetBytes(stored.Value.PatternFile), "application/yaml", fileName);
        });
}

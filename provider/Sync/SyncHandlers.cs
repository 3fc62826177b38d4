using CloudNative.CloudEvents;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Serving;
using Meshery.ExtensionPoints.Sync;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Sync;

/// <summary>
/// <c>POST /api/sync/events</c>: structured CloudEvents (one event or a batch) from an agent. The body is
/// refused whole (400, naming the first invalid event) unless every event follows the CloudEvents JSON
/// format, and (422) unless every Meshery-typed event can be applied; then the events are applied in order
/// to the caller's own data, each (source, id) at most once, and other producers' types are accepted unapplied.
/// </summary>
public static class SyncHandlers
{
    public static Task<IResult> IngestAsync(
        HttpContext context, SyncApplier applier, SyncLedger ledger, IOptions<SyncIngestionOptions> options, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            ArgumentNullException.ThrowIfNull(options);
            var limits = options.Value;
            if (!IsEventsMediaType(context.Request.ContentType))
            {
                return ProblemAnswers.Status(
                    StatusCodes.Status415UnsupportedMediaType,
                    $"Send {SyncPaths.BatchMediaType} (a batch) or {SyncPaths.EventMediaType} (one event); got '{context.Request.ContentType}'.");
            }

            var body = await ReadBodyAsync(context, limits.MaxBodyBytes, cancellationToken);
            if (body is null)
            {
                context.Response.Headers.Connection = "close";
                return ProblemAnswers.Status(StatusCodes.Status413PayloadTooLarge, $"The body is larger than this endpoint accepts ({limits.MaxBodyBytes} bytes).");
            }

            var (events, problem) = CloudEventsBody.Read(body.Value);
            if (problem is not null)
            {
                return ProblemAnswers.BadRequest(problem);
            }

            if (events!.Count > limits.MaxEvents)
            {
                return ProblemAnswers.Status(StatusCodes.Status413PayloadTooLarge, $"The batch holds {events.Count} events; at most {limits.MaxEvents} are accepted.");
            }

            foreach (var cloudEvent in events)
            {
                if (SyncEventTypes.IsMeshery(cloudEvent.Type!) && SyncApplier.Check(cloudEvent) is { } unusable)
                {
                    return ProblemAnswers.Status(StatusCodes.Status422UnprocessableEntity, $"Event '{cloudEvent.Id}' {unusable}; nothing was applied.");
                }
            }

            return TypedResults.Ok(await ApplyAsync(caller, events, applier, ledger, cancellationToken));
        });

    private static async Task<SyncReceipt> ApplyAsync(
        ProviderCaller caller, IReadOnlyList<CloudEvent> events, SyncApplier applier, SyncLedger ledger, CancellationToken cancellationToken)
    {
        var receipt = new SyncReceipt { Received = events.Count };
        var seen = new HashSet<(string, string)>();
        foreach (var cloudEvent in events)
        {
            var source = cloudEvent.Source!.OriginalString;
            var id = cloudEvent.Id!;
            if (!SyncEventTypes.IsMeshery(cloudEvent.Type!))
            {
                receipt.Ignored++;
                continue;
            }

            if (!seen.Add((source, id)) || await ledger.SeenAsync(caller, source, id, cancellationToken))
            {
                receipt.Duplicates++;
                continue;
            }

            try
            {
                await applier.ApplyAsync(caller, cloudEvent, cancellationToken);
            }
            catch (ProviderException ex)
            {
                // The events before this one stay applied and recorded: a retry of the batch skips them.
                throw new ProviderException(ex.Kind, $"Event '{id}' ({cloudEvent.Type}) was not applied: {ex.Message}", ex);
            }

            await ledger.RecordAsync(caller, source, id, cloudEvent.Type!, cancellationToken);
            receipt.Applied++;
        }

        return receipt;
    }

    private static bool IsEventsMediaType(string? contentType)
    {
        var media = contentType?.Split(';', 2)[0].Trim();
        return string.Equals(media, SyncPaths.BatchMediaType, StringComparison.OrdinalIgnoreCase)
            || string.Equals(media, SyncPaths.EventMediaType, StringComparison.OrdinalIgnoreCase)
            || string.Equals(media, "application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The whole body, or null when it is (or says it is) longer than <paramref name="limit"/>.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature
            && (feature.MaxRequestBodySize is null || feature.MaxRequestBodySize > limit))
        {
            feature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}

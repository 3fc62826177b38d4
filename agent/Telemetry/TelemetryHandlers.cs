using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Telemetry;

/// <summary>
/// What the Grafana and Prometheus routes share: config (list, connect, the retired delete), ping, board selection.
/// Each route group carries its <see cref="TelemetryKind"/> as endpoint metadata.
/// </summary>
public static class TelemetryHandlers
{
    /// <summary>Meshery server's page size for connections listed by kind: 10 unless asked, at most 25.</summary>
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 25;

    /// <summary><c>GET .../config</c>: the caller's connections of the kind, a page as the connections API answers it.</summary>
    public static Task<IResult> ListAsync(HttpContext context, IConnectionStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            var kind = KindOf(context);
            var query = context.Request.Query;
            var page = int.TryParse(query["page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 0;
            var size = int.TryParse(query["pagesize"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? Math.Min(s, MaxPageSize) : DefaultPageSize;
            var search = query["search"].ToString();
            var list = await store.ListAsync(
                caller,
                new ConnectionQuery
                {
                    Kinds = [kind.Name],
                    Page = new PageRequest { Page = page, PageSize = size, Search = search.Length > 0 ? search : null, Order = query["order"].ToString() is { Length: > 0 } o ? o : null },
                },
                cancellationToken);
            return TypedResults.Ok(list);
        });

    /// <summary><c>POST .../config</c>: tests the server and saves the connection; a failed test saves nothing and says why.</summary>
    public static Task<IResult> ConnectAsync(HttpContext context, TelemetryConnections connections, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            var kind = KindOf(context);
            var (request, problem) = await ConnectForm.ReadAsync(context, kind, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            var outcome = await connections.ConnectAsync(caller, kind, request!, cancellationToken);
            return outcome.Connection is { } saved ? TypedResults.Ok(saved) : TelemetryAnswers.Upstream(outcome.Probe);
        });

    /// <summary><c>DELETE .../config</c>: retired upstream (410) in favour of deleting the connection.</summary>
    public static IResult Retired() =>
        ProblemAnswers.Status(
            StatusCodes.Status410Gone,
            "This API is retired: disconnect with DELETE /api/integrations/connections/{connectionId}, which deletes the connection and its credential.");

    /// <summary><c>GET .../ping/{connectionID}</c>: tests the server again, records the status, answers <c>{}</c> or why it failed.</summary>
    public static Task<IResult> PingAsync(string connectionID, HttpContext context, TelemetryConnections connections, CancellationToken cancellationToken) =>
        WithConnectionAsync(context, connectionID, KindOf(context), async (caller, target) =>
        {
            var result = await connections.RecheckAsync(caller, KindOf(context), target, recordWhenUnchanged: true, cancellationToken);
            return result.Connected ? TypedResults.Ok(new EmptyAnswer()) : TelemetryAnswers.Upstream(result);
        });

    /// <summary><c>POST .../boards/{connectionID}</c>: keeps the selected boards and panels (a JSON list) on the connection.</summary>
    public static Task<IResult> SaveBoardsAsync(string connectionID, HttpContext context, TelemetryConnections connections, CancellationToken cancellationToken) =>
        WithConnectionAsync(context, connectionID, KindOf(context), async (caller, target) =>
        {
            var (json, problem) = await ReadJsonAsync(context, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            if (json is not JsonArray boards)
            {
                return ProblemAnswers.BadRequest("Send the selected boards as a JSON list of {board, panels, templateVars}.");
            }

            await connections.SaveBoardsAsync(caller, KindOf(context), target.Connection, boards, cancellationToken);
            return TypedResults.Ok(new EmptyAnswer());
        });

    /// <summary>
    /// Runs <paramref name="body"/> with the caller's connection <paramref name="connectionID"/> of <paramref name="kind"/>:
    /// 400 for a bad id or another kind, 404 when the caller has no such connection (another user's included), and a
    /// failed call to the server as problem details.
    /// </summary>
    public static Task<IResult> WithConnectionAsync(
        HttpContext context, string connectionID, TelemetryKind kind, Func<ProviderCaller, TelemetryTarget, Task<IResult>> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(body);
        return ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(connectionID, "connectionID", out var id, out var problem))
            {
                return problem!;
            }

            var connections = context.RequestServices.GetRequiredService<TelemetryConnections>();
            var target = await connections.FindAsync(caller, id, context.RequestAborted);
            if (target is null)
            {
                return ProblemAnswers.NotFound("Connection", id);
            }

            if (target.Connection.Kind != kind.Name)
            {
                return TelemetryAnswers.WrongKind(id, target.Connection.Kind, kind);
            }

            try
            {
                return await body(caller, target);
            }
            catch (UpstreamException ex)
            {
                var logger = context.RequestServices.GetRequiredService<ILogger<TelemetryConnections>>();
                TelemetryLog.UpstreamFailed(logger, kind.Name, id, ex.Failure, ex.Message);
                return TelemetryAnswers.Upstream(ex.Failure, ex.Message);
            }
        });
    }

    /// <summary>The kind the route's group serves (set by <see cref="TelemetryEndpoints"/>).</summary>
    public static TelemetryKind KindOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetEndpoint()?.Metadata.GetMetadata<TelemetryKind>()
            ?? throw new InvalidOperationException("The telemetry route has no TelemetryKind metadata.");
    }

    /// <summary>Reads a JSON body within the agent's body limit.</summary>
    public static async Task<(JsonNode? Json, IResult? Problem)> ReadJsonAsync(HttpContext context, CancellationToken cancellationToken, long? limit = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (limit is { } max)
        {
            if (context.Request.ContentLength > max)
            {
                context.Response.Headers.Connection = "close";
                return (null, ProblemAnswers.Status(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {max} bytes."));
            }

            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = max;
            }
        }
        else if (BodyLimit.Check(context) is { } tooLarge)
        {
            return (null, tooLarge);
        }

        try
        {
            var json = await JsonNode.ParseAsync(context.Request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken: cancellationToken);
            return json is null ? (null, ProblemAnswers.BadRequest("The body is empty: send JSON.")) : (json, null);
        }
        catch (JsonException ex)
        {
            return (null, ProblemAnswers.BadRequest("The body is not valid JSON: " + ex.Message));
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ProblemAnswers.Status(StatusCodes.Status413PayloadTooLarge, "The body is larger than this route accepts."));
        }
    }
}

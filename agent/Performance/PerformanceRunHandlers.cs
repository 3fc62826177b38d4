using System.Globalization;
using System.Text.Json.Nodes;
using Grpc.Core;
using Meshery.Agent.Perf.Protos;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Meshery.Agent.Performance;

/// <summary>
/// <c>GET /api/user/performance/profiles/{id}/run</c>: runs a profile's test at Meshery Perf and streams it as
/// server-sent events, as Meshery server does. Bad parameters, an unknown profile, a refusal by Meshery Perf (limits,
/// busy) or Meshery Perf being away are problem details before the stream starts; afterwards a failure is an
/// <c>error</c> event. The result is stored through <see cref="IPerformanceResultStore"/> (Local or the remote
/// provider) and sent in the last, <c>success</c>, event.
/// </summary>
public static class PerformanceRunHandlers
{
    public static Task<IResult> RunAsync(
        string id,
        HttpContext context,
        IPerformanceProfileStore profiles,
        IPerformanceResultStore results,
        PerfRunClient perf,
        IOptions<JsonOptions> json,
        ILogger<PerfRunClient> logger,
        CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var profileId, out var problem))
            {
                return problem!;
            }

            var profile = await profiles.GetAsync(caller, profileId, cancellationToken);
            if (profile is null)
            {
                return ProblemAnswers.NotFound("Performance profile", profileId);
            }

            if (!PerformanceRunQuery.TryRead(context.Request.Query, profile.Value, out var run, out problem))
            {
                return problem!;
            }

            var address = perf.Address;
            AsyncServerStreamingCall<RunTestUpdate> call;
            try
            {
                call = perf.Client.RunTest(run.Request, cancellationToken: cancellationToken);
            }
            catch (RpcException ex)
            {
                return Refused(logger, address, ex);
            }

            using (call)
            {
                try
                {
                    // Meshery Perf checks the test before its first message, an all-zero progress: a refusal is still a
                    // plain HTTP answer.
                    if (!await call.ResponseStream.MoveNext(cancellationToken))
                    {
                        throw new RpcException(new Status(StatusCode.Internal, "it ended the call without accepting the test"));
                    }
                }
                catch (RpcException ex)
                {
                    return Refused(logger, address, ex);
                }

                PerformanceRunLog.RunStarted(logger, profileId, run.Request.TestId, address);
                var stream = new PerformanceEventStream(context.Response, json.Value.SerializerOptions);
                try
                {
                    await stream.StartAsync(cancellationToken);
                    await StreamAsync(call, stream, run, profileId, caller, results, logger, cancellationToken);
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or RpcException or IOException)
                {
                    // The client went away: the call's cancellation has stopped the test; nobody is left to answer.
                    PerformanceRunLog.RunFailed(logger, profileId, run.Request.TestId, "the client went away");
                }

                return TypedResults.Empty;
            }
        });

    private static async Task StreamAsync(
        AsyncServerStreamingCall<RunTestUpdate> call,
        PerformanceEventStream stream,
        PerformanceRun run,
        Guid profileId,
        ProviderCaller caller,
        IPerformanceResultStore results,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var request = run.Request;
        await stream.WriteAsync(new PerformanceRunEvent
        {
            Message = string.Create(CultureInfo.InvariantCulture,
                $"Load test {run.Name} started: {request.LoadGenerator} against {request.Url}, {request.Connections} connection(s), qps {(request.Qps > 0 ? request.Qps : "max")}, {TimeSpan.FromMilliseconds(request.DurationMs)}"),
        }, cancellationToken);
        string failure;
        try
        {
            await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                if (update.UpdateCase == RunTestUpdate.UpdateOneofCase.Progress)
                {
                    var progress = new PerformanceRunProgress(update.Progress.Requests, update.Progress.Errors, update.Progress.ElapsedSeconds, update.Progress.CurrentQps);
                    await stream.WriteAsync(new PerformanceRunEvent { Message = PerformanceEventStream.Describe(progress), Progress = progress }, cancellationToken);
                }
                else if (update.UpdateCase == RunTestUpdate.UpdateOneofCase.Result)
                {
                    var stored = await StoreAsync(update.Result, run, profileId, caller, results, cancellationToken);
                    PerformanceRunLog.RunStored(logger, profileId, request.TestId, stored.MesheryId);
                    var smp = update.Result.Smp;
                    await stream.WriteAsync(new PerformanceRunEvent
                    {
                        Status = PerformanceRunEvent.Success,
                        Message = string.Create(CultureInfo.InvariantCulture,
                            $"Load test {run.Name} completed: {smp.ActualQps:0.0} qps, latency ms p50 {smp.LatenciesMs.P50:0.###}, p99 {smp.LatenciesMs.P99:0.###}, max {smp.LatenciesMs.Max:0.###}"),
                        Result = stored,
                    }, cancellationToken);
                    return;
                }
            }

            failure = "Meshery Perf ended the test without a result";
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"Meshery Perf failed the test: {ex.Status.Detail}";
        }
        catch (ProviderException ex)
        {
            failure = $"The result could not be stored: {ex.Message}";
        }

        PerformanceRunLog.RunFailed(logger, profileId, request.TestId, failure);
        await stream.WriteAsync(new PerformanceRunEvent { Status = PerformanceRunEvent.Error, Message = failure }, cancellationToken);
    }

    private static async Task<PerformanceResult> StoreAsync(
        TestResult outcome, PerformanceRun run, Guid profileId, ProviderCaller caller, IPerformanceResultStore results, CancellationToken cancellationToken)
    {
        var result = new PerformanceResult
        {
            Name = run.Name,
            Mesh = run.Mesh,
            PerformanceProfile = profileId,
            TestId = run.Request.TestId,
            RunnerResults = JsonNode.Parse(outcome.RunnerResultsJson) as JsonObject,
            TestStartTime = DateTimeOffset.TryParse(outcome.Smp.StartTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start) ? start : null,
        };
        var resultId = await results.CreateAsync(caller, profileId, result, cancellationToken);
        return await results.GetAsync(caller, resultId, cancellationToken) ?? result with { MesheryId = resultId };
    }

    private static IResult Refused(ILogger logger, string address, RpcException ex)
    {
        PerformanceRunLog.RunRefused(logger, address, ex.StatusCode, ex.Status.Detail);
        return ex.StatusCode switch
        {
            StatusCode.InvalidArgument => ProblemAnswers.BadRequest(ex.Status.Detail),
            StatusCode.ResourceExhausted => ProblemAnswers.Status(StatusCodes.Status429TooManyRequests, ex.Status.Detail),
            StatusCode.Unavailable or StatusCode.DeadlineExceeded => ProblemAnswers.Status(StatusCodes.Status503ServiceUnavailable,
                $"Meshery Perf is not reachable at {address} ({ex.Status.Detail}); run it, or turn on the agent's perf module (Meshery:Agent:Modules:Perf)."),
            _ => ProblemAnswers.Status(StatusCodes.Status502BadGateway, $"Meshery Perf at {address} failed: {ex.StatusCode} {ex.Status.Detail}"),
        };
    }
}

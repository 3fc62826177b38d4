using System.Reflection;
using Grpc.Core;
using Meshery.Agent.Perf.Hosting;
using Meshery.Agent.Perf.Load;
using Meshery.Agent.Perf.Protos;
using Meshery.Agent.Perf.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Perf.Service;

/// <summary><c>meshery.perf.v1.PerfService</c>: runs load tests for the agent (or any client) and streams their progress and result.</summary>
public sealed class PerfGrpcService(LoadRunner runner, TestSlots slots, IOptions<PerfOptions> options, ILogger<PerfGrpcService> logger) : PerfService.PerfServiceBase
{
    public const string ServiceName = "meshery-perf";

    public static string Version { get; } =
        typeof(PerfGrpcService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public override async Task RunTest(RunTestRequest request, IServerStreamWriter<RunTestUpdate> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        LoadTest test;
        try
        {
            test = RunTestRequestReader.Read(request);
            if (LoadTestRules.Check(test, options.Value) is { } reason)
            {
                throw new LoadTestRejectedException(reason);
            }
        }
        catch (LoadTestRejectedException ex)
        {
            PerfLog.TestRefused(logger, ex.Message);
            throw new RpcException(new Status(StatusCode.InvalidArgument, ex.Message));
        }

        if (!slots.TryTake())
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"{options.Value.MaxConcurrentTests} test(s) are running already; try again when one has finished"));
        }

        try
        {
            // Accepted: a first progress now, so the caller knows before the first real one, a second later.
            await responseStream.WriteAsync(new RunTestUpdate { Progress = new Progress() }, cancellationToken).ConfigureAwait(false);
            PerfLog.TestStarted(logger, test.TestId, test.LoadGenerator, test.Url, test.Connections, test.Qps, test.Duration);
            var outcome = await runner.RunAsync(
                test,
                (progress, ct) => new ValueTask(responseStream.WriteAsync(new RunTestUpdate { Progress = ToMessage(progress) }, ct)),
                cancellationToken).ConfigureAwait(false);
            var fortio = ResultBuilder.Fortio(outcome, Version);
            await responseStream.WriteAsync(
                new RunTestUpdate
                {
                    Result = new TestResult
                    {
                        RunnerResultsJson = System.Text.Json.JsonSerializer.Serialize(fortio, PerfJsonContext.Default.FortioRunnerResults),
                        Smp = ResultBuilder.Smp(outcome),
                    },
                },
                cancellationToken).ConfigureAwait(false);
            PerfLog.TestFinished(logger, test.TestId, outcome.Requests, outcome.Errors, outcome.ActualQps);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            PerfLog.TestCancelled(logger, test.TestId);
            throw new RpcException(new Status(StatusCode.Cancelled, "the test was cancelled"));
        }
        finally
        {
            slots.Return();
        }
    }

    public override Task<GetInfoResponse> GetInfo(GetInfoRequest request, ServerCallContext context)
    {
        var limits = options.Value;
        var info = new GetInfoResponse
        {
            Name = ServiceName,
            Version = Version,
            MaxDurationMs = (long)limits.MaxDuration.TotalMilliseconds,
            MaxQps = limits.MaxQps,
            MaxConnections = limits.MaxConnections,
        };
        info.LoadGenerators.Add(LoadGenerators.All);
        return Task.FromResult(info);
    }

    private static Progress ToMessage(LoadProgress progress) => new()
    {
        Requests = progress.Requests,
        Errors = progress.Errors,
        ElapsedSeconds = progress.Elapsed.TotalSeconds,
        CurrentQps = progress.CurrentQps,
    };
}

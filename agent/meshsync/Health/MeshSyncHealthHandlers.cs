using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meshery.Agent.MeshSync.Health;

/// <summary><c>/healthz</c>: the process runs. <c>/readyz</c>: the broker is connected and the first list is done.</summary>
public static class MeshSyncHealthHandlers
{
    public static Ok<string> Healthz() => TypedResults.Ok("ok");

    public static Results<Ok<string>, ProblemHttpResult> Readyz(MeshSyncReadiness readiness)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        if (readiness.IsReady)
        {
            return TypedResults.Ok("ready");
        }

        var statuses = readiness.Statuses();
        var detail = statuses.Count == 0
            ? "discovery has not started"
            : string.Join("; ", statuses.Select(s => $"cluster {s.ClusterId}: broker {(s.BrokerConnected ? "connected" : "not connected")}, initial list {(s.InitialListDone ? "done" : "pending")}"));
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "MeshSync is not ready");
    }
}

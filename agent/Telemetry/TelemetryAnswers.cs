using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Telemetry;

/// <summary>Problem details for failed calls to a Grafana or Prometheus server, and the other answers the telemetry routes share.</summary>
public static class TelemetryAnswers
{
    /// <summary>422 when the server refused the stored key, 504 when it did not answer in time, 502 for the rest.</summary>
    public static IResult Upstream(UpstreamFailure failure, string reason) => failure switch
    {
        UpstreamFailure.Rejected => ProblemAnswers.Status(StatusCodes.Status422UnprocessableEntity, reason),
        UpstreamFailure.TimedOut => ProblemAnswers.Status(StatusCodes.Status504GatewayTimeout, reason),
        _ => ProblemAnswers.Status(StatusCodes.Status502BadGateway, reason),
    };

    public static IResult Upstream(TelemetryProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Upstream(result.Failure ?? UpstreamFailure.ErrorStatus, result.Reason);
    }

    /// <summary>An answer of the server passed on as it came (JSON).</summary>
    public static IResult Json(byte[] body) => TypedResults.Bytes(body, "application/json");

    public static IResult WrongKind(Guid id, string actual, TelemetryKind expected) =>
        ProblemAnswers.BadRequest($"Connection '{id}' is a '{actual}' connection, not '{expected.Name}'.");
}

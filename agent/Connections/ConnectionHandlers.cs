using Meshery.Agent.Telemetry;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Connections;

/// <summary>Where Meshery server's connection routes differ from the Extension Points.</summary>
public static class ConnectionHandlers
{
    /// <summary>Registers a connection and answers it (the provider answers a page of one).</summary>
    public static Task<IResult> SaveAsync(HttpContext context, IConnectionStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<ConnectionPayload>(context, async (caller, payload) =>
        {
            var stored = await store.SaveAsync(caller, payload, cancellationToken);
            return ContractCall.Created(context, ContractCall.LocationOf(context, stored.Value.Id), stored);
        });

    /// <summary>
    /// Deletes a connection (the "X" on its chip); a Grafana or Prometheus connection takes the credential the agent made
    /// for it along, so no key stays behind.
    /// </summary>
    public static Task<IResult> DeleteAsync(string id, HttpContext context, IConnectionStore store, TelemetryConnections telemetry, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var connectionId, out var problem))
            {
                return problem!;
            }

            var deleted = await store.DeleteAsync(caller, connectionId, cancellationToken);
            if (deleted is null)
            {
                return ProblemAnswers.NotFound("Connection", connectionId);
            }

            await telemetry.ForgetCredentialAsync(caller, deleted, cancellationToken);
            return TypedResults.Ok(deleted);
        });
}

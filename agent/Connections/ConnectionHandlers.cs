using Meshery.ExtensionPoints.Connections;
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
}

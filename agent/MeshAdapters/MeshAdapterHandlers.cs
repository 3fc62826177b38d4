using Grpc.Core;
using Meshery.Agent.Adapters.Protos;
using Meshery.Agent.Kubernetes;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.MeshAdapters;

/// <summary>
/// Meshery Server's adapter routes. A user may use the configured adapters and those their <c>meshAdapters</c>
/// preference names (as upstream, where the UI adds adapters to the preferences).
/// </summary>
public static class MeshAdapterHandlers
{
    /// <summary><c>GET /api/system/adapters</c>: each adapter of the caller with what it offers and whether it is live.</summary>
    public static Task<IResult> ListAsync(
        HttpContext context, MeshAdapterRegistry registry, IPreferencesStore preferences, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            var connections = new List<(string Location, MeshAdapterConnection? Connection)>();
            foreach (var location in await LocationsOfAsync(caller, registry, preferences, cancellationToken))
            {
                connections.Add((location, registry.Track(location)));
            }

            // An adapter seen for the first time is checked before the answer, so it does not show as unknown.
            await Task.WhenAll(connections.Where(c => c.Connection is not null).Select(c => c.Connection!.FirstCheckAsync(cancellationToken)));
            return TypedResults.Ok(connections
                .Select(c => AdapterSummary.Of(c.Location, c.Connection?.State ?? MeshAdapterState.Unchecked with { Error = "too many adapters are watched" }))
                .ToList());
        });

    /// <summary>
    /// <c>POST /api/system/adapter/operation</c> (form: <c>adapter</c>, <c>query</c>, <c>namespace</c>, <c>customBody</c>,
    /// <c>deleteOp</c>, <c>version</c>): sends the operation to the adapter with a new operation id and the kubeconfigs
    /// of the caller's connected clusters; its progress arrives as the caller's events.
    /// </summary>
    public static Task<IResult> OperateAsync(
        HttpContext context,
        MeshAdapterRegistry registry,
        IPreferencesStore preferences,
        KubernetesConnectionManager clusters,
        AdapterOperationLog operations,
        IOptions<MeshAdapterOptions> options,
        TimeProvider time,
        ILogger<MeshAdapterRegistry> logger,
        CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!context.Request.HasFormContentType)
            {
                return ProblemAnswers.BadRequest("Send the operation as a form (application/x-www-form-urlencoded or multipart/form-data) with the fields adapter and query.");
            }

            IFormCollection form;
            try
            {
                form = await context.Request.ReadFormAsync(cancellationToken);
            }
            catch (InvalidDataException ex)
            {
                return ProblemAnswers.BadRequest("The form cannot be read: " + ex.Message);
            }

            var request = OperationForm.Read(form);
            if (request.Problem is { } problem)
            {
                return ProblemAnswers.BadRequest(problem);
            }

            var location = request.Adapter!;
            if (!(await LocationsOfAsync(caller, registry, preferences, cancellationToken)).Contains(location, StringComparer.Ordinal))
            {
                return ProblemAnswers.BadRequest(
                    $"Adapter '{location}' is not one of this user's adapters: add it to meshAdapters in the user's preferences or to {MeshAdapterOptions.Section}:Locations.");
            }

            if (registry.Track(location) is not { } connection)
            {
                return ProblemAnswers.Status(StatusCodes.Status503ServiceUnavailable, $"Adapter '{location}' is not watched: too many adapters are.");
            }

            var state = connection.State.Live ? connection.State : await connection.CheckNowAsync(cancellationToken);
            if (!state.Live)
            {
                return ProblemAnswers.Status(StatusCodes.Status503ServiceUnavailable, $"Adapter '{location}' is not reachable ({state.Error}).");
            }

            if (!await connection.WaitSubscribedAsync(options.Value.SubscribeTimeout, cancellationToken))
            {
                return ProblemAnswers.Status(StatusCodes.Status503ServiceUnavailable, $"The event stream of adapter '{location}' is not open; try again.");
            }

            var contexts = await clusters.ConnectedContextsAsync(caller, cancellationToken);
            var operation = new AdapterOperation(Guid.NewGuid(), caller, location, request.Query!, time.GetUtcNow());
            operations.Record(operation);
            var rule = new ApplyRuleRequest
            {
                OpName = operation.OpName,
                Namespace = request.Namespace,
                Username = caller.UserId.ToString(),
                CustomBody = request.CustomBody,
                DeleteOp = request.DeleteOp,
                OperationId = operation.Id.ToString(),
                Version = request.Version,
            };
            rule.KubeConfigs.AddRange(contexts.Select(Kubeconfig.ToYaml));
            try
            {
                var answer = await connection.Client.ApplyOperationAsync(
                    rule, deadline: (time.GetUtcNow() + options.Value.CallTimeout).UtcDateTime, cancellationToken: cancellationToken);
                if (answer.Error is { Length: > 0 } error && error != "none")
                {
                    operations.Forget(operation.Id);
                    return ProblemAnswers.Status(StatusCodes.Status502BadGateway, $"Adapter '{location}' refused the operation: {error}");
                }
            }
            catch (RpcException ex)
            {
                operations.Forget(operation.Id);
                return ProblemAnswers.Status(StatusCodes.Status502BadGateway, $"Adapter '{location}' refused the operation ({ex.StatusCode}): {ex.Status.Detail}");
            }

            MeshAdapterLog.OperationSent(logger, operation.OpName, operation.Id, location, caller.UserId);
            return TypedResults.Ok(new OperationAccepted { OperationId = operation.Id, Adapter = location, Query = operation.OpName });
        });

    /// <summary>The configured adapters, then those of the caller's preferences (invalid locations there are skipped).</summary>
    private static async Task<IReadOnlyList<string>> LocationsOfAsync(
        ProviderCaller caller, MeshAdapterRegistry registry, IPreferencesStore preferences, CancellationToken cancellationToken)
    {
        var locations = new List<string>(registry.Configured);
        var prefs = await preferences.GetAsync(caller, cancellationToken);
        foreach (var adapter in prefs.Value.MeshAdapters ?? [])
        {
            if (AdapterLocation.TryNormalize(adapter.AdapterLocation, out var location, out _) && !locations.Contains(location, StringComparer.Ordinal))
            {
                locations.Add(location);
            }
        }

        return locations;
    }
}

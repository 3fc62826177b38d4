using Grpc.Core;
using Meshery.Agent.Adapters.Events;
using Meshery.Agent.Adapters.Hosting;
using Meshery.Agent.Adapters.Operations;
using Meshery.Agent.Adapters.Protos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Adapters.Service;

/// <summary><c>meshes.MeshService</c>: what the adapter is, what it offers, operations and their events.</summary>
public sealed class AdapterMeshService(
    IOptions<AdapterOptions> options,
    OperationCatalog catalog,
    OperationRunner runner,
    AdapterEventHub hub,
    IHostApplicationLifetime lifetime) : MeshService.MeshServiceBase
{
    public override Task<MeshNameResponse> MeshName(MeshNameRequest request, ServerCallContext context) =>
        Task.FromResult(new MeshNameResponse { Name = options.Value.MeshName });

    public override Task<MeshVersionsResponse> MeshVersions(MeshVersionsRequest request, ServerCallContext context)
    {
        var response = new MeshVersionsResponse();
        response.Version.AddRange(options.Value.MeshVersions);
        return Task.FromResult(response);
    }

    public override Task<SupportedOperationsResponse> SupportedOperations(SupportedOperationsRequest request, ServerCallContext context)
    {
        var response = new SupportedOperationsResponse { Error = "none" };
        response.Ops.AddRange(catalog.Supported());
        return Task.FromResult(response);
    }

    public override Task<ComponentInfoResponse> ComponentInfo(ComponentInfoRequest request, ServerCallContext context)
    {
        var component = options.Value.Component;
        var response = new ComponentInfoResponse { Type = component.Type, Name = component.Name, Version = component.Version, GitSha = component.GitSha };
        response.Properties.Add(component.Properties);
        return Task.FromResult(response);
    }

    /// <summary>Returns at once with the operation id; the work and its events follow in the background.</summary>
    public override Task<ApplyRuleResponse> ApplyOperation(ApplyRuleRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.OpName))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "opName is empty: name the operation to run."));
        }

        if (request.CustomBody.Length > options.Value.MaxCustomBodyBytes)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"custom_body is larger than {options.Value.MaxCustomBodyBytes} bytes."));
        }

        return Task.FromResult(new ApplyRuleResponse { Error = "", OperationId = runner.Start(request) });
    }

    /// <summary>
    /// Every event published after the call subscribed, until the caller leaves or the adapter stops. The response
    /// headers are sent as soon as the subscription exists, so a caller that awaits them misses nothing after.
    /// </summary>
    public override async Task StreamEvents(EventsRequest request, IServerStreamWriter<EventsResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        using var subscription = hub.Subscribe();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        await context.WriteResponseHeadersAsync([]).ConfigureAwait(false);
        try
        {
            await foreach (var @event in subscription.Reader.ReadAllAsync(ended.Token).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(@event, ended.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The adapter is stopping: end the stream normally, so the server notices at once and checks again.
        }
        catch (InvalidOperationException ex)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, ex.Message));
        }
    }

    public override Task<ProcessOAMResponse> ProcessOAM(ProcessOAMRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "This adapter runs operations only; it does not process OAM components."));
}

using System.Net;
using Meshery.Testing.Functions.Protos;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Meshery.Testing.Functions;

// The HTTP front end: match a function, forward the request to the worker's HttpUri with x-ms-invocation-id,
// send the InvocationRequest, and stream the worker's response back.
public sealed partial class FunctionsHostEmulator
{
    private const string InvocationIdHeader = "x-ms-invocation-id";

    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", InvocationIdHeader,
    };

    private readonly HttpMessageInvoker _forwarder = new(
        new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ActivityHeadersPropagator = null,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        },
        disposeHandler: true);

    private long _invocationCount;

    private async Task ProxyAsync(HttpContext context)
    {
        var match = _routes.Match(context.Request.Method, context.Request.Path);
        if (match is null || _workerHttpUri is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var invocationId = Guid.NewGuid().ToString();
        var pending = new TaskCompletionSource<InvocationResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _invocations[invocationId] = pending;
        var aborted = context.RequestAborted;
        using var forwarding = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        try
        {
            // As the Functions host does: start forwarding, then send the invocation; the worker pairs them by id.
            using var request = CreateForwardRequest(context, _workerHttpUri, invocationId);
            var responseTask = _forwarder.SendAsync(request, forwarding.Token);
            try
            {
                Interlocked.Increment(ref _invocationCount);
                await SendAsync(new StreamingMessage { InvocationRequest = CreateInvocation(match, invocationId) }, aborted);
            }
            catch
            {
                await forwarding.CancelAsync();
                await ((Task)responseTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
            }

            using var response = await responseTask;

            // A function that throws leaves the worker's response empty with status 200, while the Functions host
            // answers 500: for an empty response, settle the invocation before answering.
            var empty = response.Content.Headers.ContentLength == 0;
            if (empty && !await CompleteInvocationAsync(match.Function, pending.Task, aborted))
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            await CopyResponseAsync(context, response, aborted);
            if (!empty)
            {
                await CompleteInvocationAsync(match.Function, pending.Task, aborted);
            }
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException && !aborted.IsCancellationRequested)
        {
            AddLog("host", $"{context.Request.Method} {context.Request.Path} -> {match.Function.Name} failed: {e.Message}");
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
            }
        }
        finally
        {
            _invocations.TryRemove(invocationId, out _);
        }
    }

    private static HttpRequestMessage CreateForwardRequest(HttpContext context, Uri worker, string invocationId)
    {
        var incoming = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw[0] == '/'
            ? raw
            : incoming.Path.ToUriComponent() + incoming.QueryString.ToUriComponent();
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(worker, target));

        if (incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(incoming.Body);
        }
        else if (incoming.ContentLength == 0)
        {
            request.Content = new ByteArrayContent([]);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (!HopByHopHeaders.Contains(name) && !request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        request.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        if (context.Connection.RemoteIpAddress is { } remote)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", remote.ToString());
        }

        return request;
    }

    private static InvocationRequest CreateInvocation(FunctionRouteMatch match, string invocationId)
    {
        // The worker needs trace_context set; headers, query and body travel over HTTP, route values in trigger_metadata.
        var invocation = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = match.Function.FunctionId,
            TraceContext = new RpcTraceContext(),
        };
        invocation.InputData.Add(new ParameterBinding
        {
            Name = match.Function.TriggerName ?? "req",
            Data = new TypedData { Http = new RpcHttp() },
        });
        foreach (var (name, value) in match.RouteValues)
        {
            invocation.TriggerMetadata[name] = new TypedData { String = value };
        }

        return invocation;
    }

    private static async Task CopyResponseAsync(HttpContext context, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(context.Response.Body, cancellationToken);
    }

    // True when the worker reports the invocation succeeded; failures and timeouts go to the log.
    private async Task<bool> CompleteInvocationAsync(FunctionsHostFunction function, Task<InvocationResponse> pending, CancellationToken cancellationToken)
    {
        try
        {
            var response = await pending.WaitAsync(_options.InvocationTimeout, cancellationToken);
            if (response.Result?.Status == StatusResult.Types.Status.Success)
            {
                return true;
            }

            AddLog("host", $"invocation {response.InvocationId} of {function.Name}: {Describe(response.Result)}");
            return false;
        }
        catch (TimeoutException)
        {
            AddLog("host", $"no invocation response from {function.Name} within {_options.InvocationTimeout.TotalSeconds:0} s");
            return false;
        }
    }
}

using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using k8s;
using k8s.Autorest;
using Meshery.ExtensionPoints.Connections;

namespace Meshery.Agent.Kubernetes;

/// <summary>
/// Tests a cluster as discovery will use it: the server's version (<c>GET /version</c>), the
/// <c>kube-system</c> namespace (its UID is MeshSync's cluster id) and listing namespaces.
/// Unreachable = <c>not found</c>; refused credentials or permissions = <c>discovered</c>; each with a reason.
/// </summary>
public static class ClusterProbe
{
    public static async Task<ClusterProbeResult> TestAsync(KubernetesClientConfiguration configuration, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var server = configuration.Host;
        try
        {
            using var client = new k8s.Kubernetes(configuration);
            var version = await client.Version.GetCodeAsync(deadline.Token);
            var kubeSystem = await client.CoreV1.ReadNamespaceAsync("kube-system", cancellationToken: deadline.Token);
            await client.CoreV1.ListNamespaceAsync(limit: 1, cancellationToken: deadline.Token);
            return new ClusterProbeResult(
                ConnectionStatuses.Connected, $"reachable at {server}", version.GitVersion, kubeSystem.Metadata?.Uid);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode is HttpStatusCode.Unauthorized)
        {
            return new ClusterProbeResult(ConnectionStatuses.Discovered, $"the cluster at {server} refused the credentials (401 Unauthorized)");
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode is HttpStatusCode.Forbidden)
        {
            return new ClusterProbeResult(ConnectionStatuses.Discovered, $"the credentials may not read the cluster at {server} (403 Forbidden: {Short(ex.Response.Content)})");
        }
        catch (HttpOperationException ex)
        {
            return new ClusterProbeResult(ConnectionStatuses.NotFound, $"the cluster at {server} answered {(int)ex.Response.StatusCode} {ex.Response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ClusterProbeResult(ConnectionStatuses.NotFound, $"the cluster at {server} did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            return new ClusterProbeResult(ConnectionStatuses.NotFound, $"the cluster at {server} cannot be reached: {Innermost(ex)}");
        }
    }

    private static string Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex.Message;
    }

    private static string Short(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return "no details";
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(content);
            if (doc.RootElement.TryGetProperty("message", out var message) && message.GetString() is { } text)
            {
                return text;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a Status object.
        }

        return content.Length > 200 ? content[..200] : content;
    }
}

using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using k8s;
using Meshery.Agent.MeshSync.Discovery;
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
            // Untyped reads, all three at once: typed models would cost their first-use setup on the upload's path.
            using var client = new k8s.Kubernetes(configuration);
            var api = new KubeApi(client);
            var version = api.GetAsync("/version", timeout, deadline.Token);
            var kubeSystem = api.GetAsync("/api/v1/namespaces/kube-system", timeout, deadline.Token);
            var namespaces = api.GetAsync("/api/v1/namespaces?limit=1", timeout, deadline.Token);
            try
            {
                await Task.WhenAll(version, kubeSystem, namespaces);
                return new ClusterProbeResult(
                    ConnectionStatuses.Connected,
                    $"reachable at {server}",
                    Text(version.Result.RootElement, "gitVersion"),
                    kubeSystem.Result.RootElement.ValueKind == JsonValueKind.Object && kubeSystem.Result.RootElement.TryGetProperty("metadata", out var meta)
                        ? Text(meta, "uid")
                        : null);
            }
            finally
            {
                foreach (var read in new[] { version, kubeSystem, namespaces }.Where(t => t.IsCompletedSuccessfully))
                {
                    read.Result.Dispose();
                }
            }
        }
        catch (KubeApiException ex) when (ex.StatusCode is 401)
        {
            return new ClusterProbeResult(ConnectionStatuses.Discovered, $"the cluster at {server} refused the credentials (401 Unauthorized)");
        }
        catch (KubeApiException ex) when (ex.StatusCode is 403)
        {
            return new ClusterProbeResult(ConnectionStatuses.Discovered, $"the credentials may not read the cluster at {server} ({ex.Message})");
        }
        catch (KubeApiException ex)
        {
            return new ClusterProbeResult(ConnectionStatuses.NotFound, $"the cluster at {server} answered {ex.StatusCode} {ex.Reason ?? ((HttpStatusCode)ex.StatusCode).ToString()}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ClusterProbeResult(ConnectionStatuses.NotFound, $"the cluster at {server} did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or IOException or JsonException or System.Security.Authentication.AuthenticationException)
        {
            return new ClusterProbeResult(ConnectionStatuses.NotFound, $"the cluster at {server} cannot be reached: {Innermost(ex)}");
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex.Message;
    }
}

using System.Text;
using k8s;
using Meshery.Agent.Adapters.Hosting;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Adapters.Clusters;

/// <summary>
/// Turns the <c>kube_configs</c> of a request (kubeconfig YAML texts, one per cluster) into clients; with none, the
/// cluster the adapter runs in, when it runs in one.
/// </summary>
public sealed class ClusterConnector(IOptions<AdapterOptions> options)
{
    /// <summary>A client for one kubeconfig's current context; <see cref="KubeconfigUnusableException"/> when it cannot be read.</summary>
    public TargetCluster Connect(string kubeconfig)
    {
        ArgumentNullException.ThrowIfNull(kubeconfig);
        KubernetesClientConfiguration configuration;
        string name;
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(kubeconfig));
            var config = KubernetesClientConfiguration.LoadKubeConfig(stream);
            configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(config);
            name = string.IsNullOrEmpty(config.CurrentContext) ? configuration.Host : config.CurrentContext;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new KubeconfigUnusableException($"A kubeconfig cannot be used: {ex.Message.Split('\n')[0]}", ex);
        }

        configuration.HttpClientTimeout = options.Value.ClusterRequestTimeout;
        return new TargetCluster(name, new Kubernetes(configuration));
    }

    /// <summary>The cluster the adapter runs in, or null outside a cluster.</summary>
    public TargetCluster? InCluster()
    {
        if (!KubernetesClientConfiguration.IsInCluster())
        {
            return null;
        }

        var configuration = KubernetesClientConfiguration.InClusterConfig();
        configuration.HttpClientTimeout = options.Value.ClusterRequestTimeout;
        return new TargetCluster("in-cluster", new Kubernetes(configuration));
    }
}

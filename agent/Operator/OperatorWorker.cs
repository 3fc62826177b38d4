using k8s;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Operator;

/// <summary>Runs the operator in the agent: in-cluster credentials when inside a pod, the kubeconfig otherwise.</summary>
internal sealed class OperatorWorker(IOptions<OperatorOptions> options, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var config = KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile();
        using var client = new k8s.Kubernetes(config);
        var op = new MesheryOperator(client, options.Value, time, loggers.CreateLogger<MesheryOperator>());
        await op.RunAsync(stoppingToken).ConfigureAwait(false);
    }
}

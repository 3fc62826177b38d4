using k8s;

namespace Meshery.Cli.Kubernetes;

/// <summary>
/// Upstream's preflight: a client can be created from the kubeconfig, the cluster answers, the user may list
/// pods and deployments, and the server is at least Kubernetes 1.12.
/// </summary>
public static class PreflightCheck
{
    public static readonly System.Version MinimumVersion = new(1, 12, 0);

    /// <summary>One passed check: its name and what was found.</summary>
    public sealed record Result(string Name, string Detail);

    /// <summary>Runs every check, reporting each as it passes; the first failure throws a <see cref="CliException"/>.</summary>
    public static async Task<IReadOnlyList<Result>> RunAsync(KubernetesClientConfiguration configuration, Action<Result> passed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(passed);
        var results = new List<Result>();
        void Pass(string name, string detail)
        {
            var result = new Result(name, detail);
            results.Add(result);
            passed(result);
        }

        var server = configuration.Host;
        using var client = new k8s.Kubernetes(configuration);
        Pass("kubeconfig", $"context '{configuration.CurrentContext ?? "(in-cluster)"}', server {server}");

        k8s.Models.VersionInfo version;
        try
        {
            version = await client.Version.GetCodeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw KubeConnector.Translate(ex, "read the server version", server);
        }

        Pass("cluster", $"reachable, Kubernetes {version.GitVersion}");

        var parsed = ParseVersion(version);
        if (parsed is null || parsed < MinimumVersion)
        {
            throw new CliException($"Kubernetes {version.GitVersion} is too old: Meshery needs {MinimumVersion.ToString(3)} or later");
        }

        Pass("version", $"{version.GitVersion} >= {MinimumVersion.ToString(3)}");

        var ns = string.IsNullOrEmpty(configuration.Namespace) ? "default" : configuration.Namespace;
        try
        {
            await client.CoreV1.ListNamespacedPodAsync(ns, limit: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw KubeConnector.Translate(ex, $"list pods in namespace '{ns}'", server);
        }

        try
        {
            await client.AppsV1.ListNamespacedDeploymentAsync(ns, limit: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw KubeConnector.Translate(ex, $"list deployments in namespace '{ns}'", server);
        }

        Pass("permissions", $"may list pods and deployments in namespace '{ns}'");
        return results;
    }

    internal static System.Version? ParseVersion(k8s.Models.VersionInfo info)
    {
        var text = info.GitVersion?.TrimStart('v') ?? "";
        var end = text.IndexOfAny(['-', '+']);
        if (end >= 0)
        {
            text = text[..end];
        }

        if (System.Version.TryParse(text, out var version))
        {
            return version;
        }

        var major = new string((info.Major ?? "").TakeWhile(char.IsDigit).ToArray());
        var minor = new string((info.Minor ?? "").TakeWhile(char.IsDigit).ToArray());
        return System.Version.TryParse($"{major}.{minor}", out version) ? version : null;
    }
}

using System.Globalization;
using k8s;

namespace Meshery.Testing.Kubernetes;

public sealed partial class FakeKubeApiServer
{
    /// <summary>
    /// A kubeconfig whose only cluster is this server (plain HTTP), with a bearer-token user and
    /// <c>default</c> as the context namespace.
    /// </summary>
    public string KubeConfigYaml
    {
        get
        {
            var name = Options.ContextName;
            var user = Options.BearerToken is null
                ? "  user: {}"
                : $"  user:\n    token: {Options.BearerToken}";
            return string.Create(CultureInfo.InvariantCulture, $"""
                apiVersion: v1
                kind: Config
                clusters:
                - name: {name}
                  cluster:
                    server: {BaseUri.ToString().TrimEnd('/')}
                contexts:
                - name: {name}
                  context:
                    cluster: {name}
                    user: {name}-user
                    namespace: default
                current-context: {name}
                users:
                - name: {name}-user
                {user}

                """);
        }
    }

    /// <summary>A new client configuration for this server (each call returns a fresh, mutable instance).</summary>
    public KubernetesClientConfiguration CreateClientConfiguration() => new()
    {
        Host = BaseUri.ToString(),
        AccessToken = Options.BearerToken,
        Namespace = "default",
    };

    /// <summary>A KubernetesClient for this server; dispose it when done.</summary>
    public k8s.Kubernetes CreateClient() => new(CreateClientConfiguration());

    /// <summary>Writes <see cref="KubeConfigYaml"/> to <paramref name="path"/> (creating its folder) and returns the path.</summary>
    public async Task<string> WriteKubeConfigAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, KubeConfigYaml, cancellationToken).ConfigureAwait(false);
        return path;
    }
}

using System.Text.Json.Nodes;
using k8s;
using k8s.KubeConfigModels;

namespace Meshery.Agent.Kubernetes;

/// <summary>Reads uploaded kubeconfigs into <see cref="KubeContext"/>s and builds client configurations from them.</summary>
public static class Kubeconfig
{
    /// <summary>Every context of the kubeconfig in <paramref name="stream"/>.</summary>
    public static IReadOnlyList<KubeContext> Read(Stream stream, int maxContexts)
    {
        ArgumentNullException.ThrowIfNull(stream);
        K8SConfiguration config;
        try
        {
            config = KubernetesClientConfiguration.LoadKubeConfig(stream);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new KubeconfigException("The file is not a kubeconfig: " + FirstLine(ex.Message), ex);
        }

        if (config?.Contexts is null || !config.Contexts.Any())
        {
            throw new KubeconfigException("The kubeconfig has no contexts.");
        }

        var contexts = config.Contexts.ToList();
        if (contexts.Count > maxContexts)
        {
            throw new KubeconfigException($"The kubeconfig has {contexts.Count} contexts; at most {maxContexts} are accepted.");
        }

        return [.. contexts.Select(c => ToContext(config, c))];
    }

    /// <summary>A client configuration for <paramref name="context"/> (the same path the upload and the monitor use).</summary>
    public static KubernetesClientConfiguration BuildClientConfiguration(KubeContext context, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cluster = context.Cluster;
        var auth = context.Auth;
        var config = new K8SConfiguration
        {
            Clusters =
            [
                new Cluster
                {
                    Name = "cluster",
                    ClusterEndpoint = new ClusterEndpoint
                    {
                        Server = context.Server,
                        CertificateAuthorityData = Str(cluster, "certificate-authority-data"),
                        SkipTlsVerify = cluster["insecure-skip-tls-verify"]?.GetValue<bool>() ?? false,
                        TlsServerName = Str(cluster, "tls-server-name"),
                    },
                },
            ],
            Users =
            [
                new User
                {
                    Name = "user",
                    UserCredentials = new UserCredentials
                    {
                        Token = Str(auth, "token"),
                        ClientCertificateData = Str(auth, "client-certificate-data"),
                        ClientKeyData = Str(auth, "client-key-data"),
                        UserName = Str(auth, "username"),
                        Password = Str(auth, "password"),
                    },
                },
            ],
            Contexts = [new Context { Name = context.Name, ContextDetails = new ContextDetails { Cluster = "cluster", User = "user", Namespace = context.Namespace } }],
            CurrentContext = context.Name,
        };
        try
        {
            var client = KubernetesClientConfiguration.BuildConfigFromConfigObject(config, context.Name);
            client.HttpClientTimeout = timeout;
            return client;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new KubeconfigException($"Context '{context.Name}' cannot be used: {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>The credential secret saved with a connection: <c>{auth, cluster}</c>.</summary>
    public static JsonObject ToCredentialSecret(KubeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new JsonObject { ["auth"] = context.Auth.DeepClone(), ["cluster"] = context.Cluster.DeepClone() };
    }

    /// <summary>Rebuilds a context from a connection's credential secret.</summary>
    public static KubeContext? FromCredentialSecret(string name, JsonObject? secret, string? ns)
    {
        if (secret?["cluster"] is not JsonObject cluster || secret["auth"] is not JsonObject auth || Str(cluster, "server") is not { Length: > 0 } server)
        {
            return null;
        }

        return new KubeContext(name, server, ns, Str(auth, "username") ?? "", (JsonObject)cluster.DeepClone(), (JsonObject)auth.DeepClone());
    }

    private static KubeContext ToContext(K8SConfiguration config, Context context)
    {
        var name = context.Name ?? throw new KubeconfigException("A context has no name.");
        var details = context.ContextDetails ?? throw new KubeconfigException($"Context '{name}' has no cluster or user.");
        var cluster = config.Clusters?.FirstOrDefault(c => c.Name == details.Cluster)?.ClusterEndpoint
            ?? throw new KubeconfigException($"Context '{name}' names cluster '{details.Cluster}', which the kubeconfig does not define.");
        if (string.IsNullOrWhiteSpace(cluster.Server) || !Uri.TryCreate(cluster.Server, UriKind.Absolute, out _))
        {
            throw new KubeconfigException($"Cluster '{details.Cluster}' of context '{name}' has no valid server URL.");
        }

        var user = string.IsNullOrEmpty(details.User) ? null : config.Users?.FirstOrDefault(u => u.Name == details.User)?.UserCredentials;
        if (!string.IsNullOrEmpty(details.User) && user is null && config.Users?.Any(u => u.Name == details.User) != true)
        {
            throw new KubeconfigException($"Context '{name}' names user '{details.User}', which the kubeconfig does not define.");
        }

        var clusterJson = new JsonObject { ["server"] = cluster.Server };
        Set(clusterJson, "certificate-authority-data", cluster.CertificateAuthorityData ?? InlineFile(cluster.CertificateAuthority));
        if (cluster.SkipTlsVerify)
        {
            clusterJson["insecure-skip-tls-verify"] = true;
        }

        Set(clusterJson, "tls-server-name", cluster.TlsServerName);
        var auth = new JsonObject();
        if (user is not null)
        {
            Set(auth, "token", user.Token);
            Set(auth, "client-certificate-data", user.ClientCertificateData ?? InlineFile(user.ClientCertificate));
            Set(auth, "client-key-data", user.ClientKeyData ?? InlineFile(user.ClientKey));
            Set(auth, "username", user.UserName);
            Set(auth, "password", user.Password);
        }

        return new KubeContext(name, cluster.Server, details.Namespace, details.User ?? "", clusterJson, auth);
    }

    private static string? InlineFile(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return null;
        }

        return Convert.ToBase64String(File.ReadAllBytes(path));
    }

    private static void Set(JsonObject target, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            target[key] = value;
        }
    }

    private static string? Str(JsonObject obj, string key) =>
        obj[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}

using System.Text.Json.Nodes;
using k8s;
using k8s.KubeConfigModels;
using Meshery.Deploy.Manifests;

namespace Meshery.Agent.Kubernetes;

/// <summary>Reads uploaded kubeconfigs into <see cref="KubeContext"/>s and builds client configurations from them.</summary>
public static class Kubeconfig
{
    /// <summary>
    /// Every context of the kubeconfig in <paramref name="stream"/>. Read as plain YAML (the install bundle's reader),
    /// not with KubernetesClient's typed loader: that one builds serializers for every Kubernetes model on first
    /// use, about a second of the first upload, for the handful of keys a context needs.
    /// </summary>
    public static IReadOnlyList<KubeContext> Read(Stream stream, int maxContexts)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonObject config;
        try
        {
            using var reader = new StreamReader(stream);
            config = YamlManifestReader.Read(reader).FirstOrDefault()?.Body
                ?? throw new KubeconfigException("The file is not a kubeconfig: it holds no YAML mapping.");
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or KubeconfigException))
        {
            throw new KubeconfigException("The file is not a kubeconfig: " + FirstLine(ex.Message), ex);
        }

        var contexts = Named(config, "contexts");
        if (contexts.Count == 0)
        {
            throw new KubeconfigException("The kubeconfig has no contexts.");
        }

        if (contexts.Count > maxContexts)
        {
            throw new KubeconfigException($"The kubeconfig has {contexts.Count} contexts; at most {maxContexts} are accepted.");
        }

        var clusters = Named(config, "clusters");
        var users = Named(config, "users");
        return [.. contexts.Select(c => ToContext(c, clusters, users))];
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

    /// <summary>
    /// A kubeconfig holding only <paramref name="context"/> (current), as the YAML text adapters take in
    /// <c>kube_configs</c>. Every value is written as a double-quoted scalar (JSON string escapes are YAML's too).
    /// </summary>
    public static string ToYaml(KubeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var yaml = new System.Text.StringBuilder();
        yaml.Append("apiVersion: v1\nkind: Config\nclusters:\n- name: ").Append(Quote(context.Name)).Append("\n  cluster:\n");
        AppendBlock(yaml, context.Cluster);
        yaml.Append("users:\n- name: ").Append(Quote(context.Name)).Append("\n  user:");
        yaml.Append(context.Auth.Count == 0 ? " {}\n" : "\n");
        AppendBlock(yaml, context.Auth);
        yaml.Append("contexts:\n- name: ").Append(Quote(context.Name)).Append("\n  context:\n    cluster: ").Append(Quote(context.Name))
            .Append("\n    user: ").Append(Quote(context.Name)).Append('\n');
        if (context.Namespace is { Length: > 0 } ns)
        {
            yaml.Append("    namespace: ").Append(Quote(ns)).Append('\n');
        }

        yaml.Append("current-context: ").Append(Quote(context.Name)).Append('\n');
        return yaml.ToString();
    }

    private static void AppendBlock(System.Text.StringBuilder yaml, JsonObject block)
    {
        foreach (var (key, value) in block)
        {
            yaml.Append("    ").Append(key).Append(": ");
            yaml.Append(value is JsonValue v && v.TryGetValue<bool>(out var flag) ? (flag ? "true" : "false") : Quote(value is JsonValue s && s.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? ""));
            yaml.Append('\n');
        }
    }

    private static string Quote(string value) => JsonValue.Create(value).ToJsonString();

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

    /// <summary>The entries of a kubeconfig list (<c>- name: x</c> followed by the entry's block).</summary>
    private static List<(string? Name, JsonObject? Body)> Named(JsonObject config, string list)
    {
        var singular = list[..^1];
        return config[list] is JsonArray items
            ? [.. items.OfType<JsonObject>().Select(i => (Str(i, "name"), i[singular] as JsonObject))]
            : [];
    }

    private static KubeContext ToContext((string? Name, JsonObject? Body) context, List<(string? Name, JsonObject? Body)> clusters, List<(string? Name, JsonObject? Body)> users)
    {
        var name = context.Name ?? throw new KubeconfigException("A context has no name.");
        var details = context.Body ?? throw new KubeconfigException($"Context '{name}' has no cluster or user.");
        var clusterName = Str(details, "cluster");
        var userName = Str(details, "user");
        var cluster = clusters.FirstOrDefault(c => c.Name == clusterName).Body
            ?? throw new KubeconfigException($"Context '{name}' names cluster '{clusterName}', which the kubeconfig does not define.");
        var server = Str(cluster, "server");
        if (string.IsNullOrWhiteSpace(server) || !Uri.TryCreate(server, UriKind.Absolute, out _))
        {
            throw new KubeconfigException($"Cluster '{clusterName}' of context '{name}' has no valid server URL.");
        }

        JsonObject? user = null;
        if (!string.IsNullOrEmpty(userName))
        {
            var entry = users.FirstOrDefault(u => u.Name == userName);
            if (entry.Name is null)
            {
                throw new KubeconfigException($"Context '{name}' names user '{userName}', which the kubeconfig does not define.");
            }

            user = entry.Body;
        }

        var clusterJson = new JsonObject { ["server"] = server };
        Set(clusterJson, "certificate-authority-data", Str(cluster, "certificate-authority-data") ?? InlineFile(Str(cluster, "certificate-authority")));
        if (cluster["insecure-skip-tls-verify"] is JsonValue skip
            && ((skip.TryGetValue<bool>(out var flag) && flag) || (skip.TryGetValue<string>(out var text) && bool.TryParse(text, out flag) && flag)))
        {
            clusterJson["insecure-skip-tls-verify"] = true;
        }

        Set(clusterJson, "tls-server-name", Str(cluster, "tls-server-name"));
        var auth = new JsonObject();
        if (user is not null)
        {
            Set(auth, "token", Str(user, "token"));
            Set(auth, "client-certificate-data", Str(user, "client-certificate-data") ?? InlineFile(Str(user, "client-certificate")));
            Set(auth, "client-key-data", Str(user, "client-key-data") ?? InlineFile(Str(user, "client-key")));
            Set(auth, "username", Str(user, "username"));
            Set(auth, "password", Str(user, "password"));
        }

        return new KubeContext(name, server, Str(details, "namespace"), userName ?? "", clusterJson, auth);
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

    // YAML reads an unquoted token of digits as a number: it is still the text the user wrote.
    private static string? Str(JsonObject obj, string key) =>
        obj[key] is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}

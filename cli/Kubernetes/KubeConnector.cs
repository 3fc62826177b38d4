using System.Net;
using System.Net.Sockets;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using Meshery.Cli.Console;
using Meshery.Deploy.Kubernetes;

namespace Meshery.Cli.Kubernetes;

/// <summary>Builds a KubernetesClient from a kubeconfig and turns its failures into one clear line.</summary>
public static class KubeConnector
{
    /// <summary>The kubeconfig to use: <paramref name="explicitPath"/>, else <c>KUBECONFIG</c>'s first file, else <c>~/.kube/config</c>.</summary>
    public static string ResolvePath(string? explicitPath, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return CliSession.ExpandHome(explicitPath, console.HomeDirectory);
        }

        var env = console.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(env))
        {
            return env.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)[0];
        }

        return Path.Combine(console.HomeDirectory, ".kube", "config");
    }

    /// <summary>Loads <paramref name="path"/> (its current context, or <paramref name="context"/>).</summary>
    public static KubernetesClientConfiguration LoadConfiguration(string path, string? context = null)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"kubeconfig {path} does not exist (set KUBECONFIG or pass --kubeconfig)");
        }

        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: context);
        }
        catch (Exception ex) when (ex is KubeConfigException or YamlDotNet.Core.YamlException or ArgumentException or FormatException or NullReferenceException or InvalidOperationException)
        {
            throw new CliException($"kubeconfig {path} is not valid: {FirstLine(ex)}", ex);
        }
    }

    /// <summary>Translates a Kubernetes API failure into a <see cref="CliException"/> naming what was attempted.</summary>
    public static CliException Translate(Exception exception, string action, string server)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            HttpOperationException { Response.StatusCode: HttpStatusCode.Forbidden } http =>
                new CliException($"forbidden: the current user may not {action} ({StatusMessage(http)})", exception),
            HttpOperationException { Response.StatusCode: HttpStatusCode.Unauthorized } =>
                new CliException($"unauthorized: the Kubernetes API at {server} rejected the kubeconfig's credentials while trying to {action}", exception),
            HttpOperationException http =>
                new CliException($"the Kubernetes API at {server} answered {(int)http.Response.StatusCode} while trying to {action}: {StatusMessage(http)}", exception),
            KubeRestException { StatusCode: HttpStatusCode.Forbidden } rest =>
                new CliException($"forbidden: the current user may not {action} ({rest.StatusMessage ?? rest.Message})", exception),
            KubeRestException { StatusCode: HttpStatusCode.Unauthorized } =>
                new CliException($"unauthorized: the Kubernetes API at {server} rejected the kubeconfig's credentials while trying to {action}", exception),
            KubeRestException rest =>
                new CliException($"the Kubernetes API at {server} answered {(int)rest.StatusCode} while trying to {action}: {rest.StatusMessage ?? rest.Message}", exception),
            HttpRequestException request =>
                new CliException($"cannot reach the Kubernetes cluster at {server}: {(request.InnerException is SocketException s ? s.Message : request.Message)}", exception),
            TaskCanceledException =>
                new CliException($"the Kubernetes cluster at {server} did not answer in time", exception),
            CliException cli => cli,
            _ => new CliException($"failed to {action}: {FirstLine(exception)}", exception),
        };
    }

    private static string StatusMessage(HttpOperationException http)
    {
        var body = http.Response.Content;
        if (!string.IsNullOrEmpty(body))
        {
            try
            {
                var message = System.Text.Json.Nodes.JsonNode.Parse(body)?["message"]?.GetValue<string>();
                if (!string.IsNullOrEmpty(message))
                {
                    return message;
                }
            }
            catch (System.Text.Json.JsonException)
            {
            }
        }

        return http.Response.ReasonPhrase ?? http.Message;
    }

    private static string FirstLine(Exception ex) => MesheryCli.OneLine(ex.Message);
}

using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Common;
using Meshery.Cli.Output;

namespace Meshery.Cli.Commands.Connections;

/// <summary>
/// <c>connection create --type kubernetes --file KUBECONFIG</c>: uploads the kubeconfig as Meshery's UI does
/// (<c>POST /api/system/kubernetes</c>, multipart field <c>k8sfile</c>); the server tests each context and
/// saves one connection per context.
/// </summary>
public static class CreateCommand
{
    public const string KubernetesType = "kubernetes";

    /// <summary>The form field the server reads the kubeconfig from.</summary>
    public const string KubeconfigField = "k8sfile";

    /// <summary>Largest kubeconfig sent (the agent's own default limit).</summary>
    public const int MaxKubeconfigBytes = 1024 * 1024;

    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var type = new Option<string>("--type", "-t") { Description = "The kind of connection", Required = true, HelpName = "type" };
        type.AcceptOnlyFromAmong(KubernetesType);
        var file = new Option<string>("--file", "-f")
        {
            Description = $"The kubeconfig to upload: one connection per context (at most {MaxKubeconfigBytes / 1024} KiB)",
            HelpName = "path",
            Required = true,
        };
        var command = new Command("create", "Create Kubernetes connections from a kubeconfig: the server tests and saves each of its contexts") { type, file };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var path = CliSession.ExpandHome(parse.GetValue(file)!, session.Console.HomeDirectory);
            var bytes = ReadKubeconfig(path);
            var page = await ProgressReporter.RunAsync(session.Console, session.Format, "Creating connections", async report =>
            {
                using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
                report(string.Create(CultureInfo.InvariantCulture, $"uploading {path} ({bytes.Length} bytes); the server tests each context"));
                using var form = new MultipartFormDataContent();
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(content, KubeconfigField, Path.GetFileName(path));
                var answer = await client.SendAsync(HttpMethod.Post, "/api/system/kubernetes", form, notFound: null, cancellationToken).ConfigureAwait(false) as JsonObject
                    ?? throw new CliException("the Meshery server did not answer the saved connections");
                report("saved");
                return answer;
            }).ConfigureAwait(false);
            var connections = JsonText.Items(page, EntityKind.Connection.ItemsKey);
            session.Output.Write(page, () => ConnectionCommand.Table(session, connections));
            session.Output.Line(string.Create(CultureInfo.InvariantCulture, $"{connections.Count} connection(s) saved from {path}."));
            return 0;
        });
        return command;
    }

    private static byte[] ReadKubeconfig(string path)
    {
        FileInfo info = new(path);
        if (!info.Exists)
        {
            throw new CliException(Directory.Exists(path) ? $"{path} is a folder, not a kubeconfig" : $"the kubeconfig {path} does not exist");
        }

        if (info.Length == 0)
        {
            throw new CliException($"the kubeconfig {path} is empty");
        }

        return info.Length > MaxKubeconfigBytes
            ? throw new CliException(string.Create(CultureInfo.InvariantCulture, $"the kubeconfig {path} is {info.Length / 1024} KiB: larger than the {MaxKubeconfigBytes / 1024} KiB the server accepts"))
            : File.ReadAllBytes(path);
    }
}

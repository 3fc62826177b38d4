using System.CommandLine;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Adapters;
using Meshery.Cli.Commands.Common;
using Meshery.Cli.Kubernetes;
using Meshery.Cli.Output;

namespace Meshery.Cli.Commands.Systems;

/// <summary><c>system check [--preflight]</c>.</summary>
public static class CheckCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var preflight = new Option<bool>("--preflight") { Description = "Only check the Kubernetes cluster Meshery would be installed into (reachable, permissions, version >= 1.12)" };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to the kubeconfig (default: $KUBECONFIG or ~/.kube/config)", HelpName = "path" };
        var kubeContext = new Option<string?>("--kube-context") { Description = "kubeconfig context to check (default: its current-context)", HelpName = "name" };
        var command = new Command("check", "Check that Meshery can be installed (--preflight) or is healthy: the Kubernetes cluster, the Meshery server and each of its adapters") { preflight, kubeconfig, kubeContext };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var checks = new JsonArray();
            var failed = new List<string>();
            void Passed(string name, string detail)
            {
                checks.Add(new JsonObject { ["name"] = name, ["status"] = "ok", ["detail"] = detail });
                session.Output.Line($"✓ {name}: {detail}");
            }

            void Failed(string name, string detail)
            {
                checks.Add(new JsonObject { ["name"] = name, ["status"] = "failed", ["detail"] = detail });
                session.Output.Line($"✗ {name}: {detail}");
                failed.Add($"{name} ({detail})");
            }

            var path = KubeConnector.ResolvePath(parse.GetValue(kubeconfig), session.Console);
            session.Detail($"kubeconfig: {path}");
            var configuration = KubeConnector.LoadConfiguration(path, parse.GetValue(kubeContext));
            await PreflightCheck.RunAsync(configuration, r => Passed(r.Name, r.Detail), cancellationToken).ConfigureAwait(false);

            if (!parse.GetValue(preflight))
            {
                var config = session.LoadConfig();
                var (name, settings) = session.ResolveContext(config);
                using var client = new AgentClient(settings.EndpointUri(name));
                var version = await client.GetVersionAsync(cancellationToken).ConfigureAwait(false);
                Passed("server", $"Meshery {version["build"]?.GetValue<string>()} at {client.Endpoint}");
                await CheckAdaptersAsync(session, Passed, Failed, cancellationToken).ConfigureAwait(false);
            }

            if (session.Format != OutputFormat.Table)
            {
                session.Output.Write(new JsonObject { ["checks"] = checks }, () => throw new InvalidOperationException());
            }

            return failed.Count == 0
                ? 0
                : throw new CliException($"{failed.Count} check(s) failed: {string.Join("; ", failed)}");
        });
        return command;
    }

    /// <summary>Each adapter of the server (as the signed-in user sees them) is a check: live or not.</summary>
    private static async Task CheckAdaptersAsync(CliSession session, Action<string, string> passed, Action<string, string> failed, CancellationToken cancellationToken)
    {
        using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
        var adapters = await AdapterCommand.ListAsync(client, cancellationToken).ConfigureAwait(false);
        if (adapters.Count == 0)
        {
            passed("adapters", "none configured");
        }

        foreach (var adapter in adapters)
        {
            var name = $"adapter {JsonText.Of(adapter, "adapterLocation")}";
            if (AdapterCommand.IsLive(adapter))
            {
                passed(name, $"live: {JsonText.Of(adapter, "name")} {JsonText.Of(adapter, "version")}".TrimEnd());
            }
            else
            {
                failed(name, $"not reachable: {JsonText.Of(adapter, "error")}");
            }
        }
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.Cli.Output;

namespace Meshery.Cli.Commands.Systems;

/// <summary><c>system status</c>: Meshery's components and their states.</summary>
public static class StatusCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var platform = PlatformOption.Create();
        var kubeconfig = PlatformOption.CreateKubeconfig();
        var command = new Command("status", "Show Meshery's components and their states (-o json|yaml for scripts)") { platform, kubeconfig };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var config = session.LoadConfig();
            var (name, settings) = session.ResolveContext(config);
            if (PlatformOption.Resolve(parse.GetValue(platform), settings) == PlatformOption.Kubernetes)
            {
                using var cluster = PlatformOption.OpenKubernetes(session, parse.GetValue(kubeconfig));
                var states = await cluster.StatusAsync(cancellationToken).ConfigureAwait(false);
                session.Output.Write(
                    new JsonObject { ["context"] = name, ["platform"] = PlatformOption.Kubernetes, ["components"] = Meshery.Cli.Kubernetes.KubernetesPlatform.ToJson(states) },
                    () => PlatformOption.StatusTable(session, states));
                return 0;
            }

            var endpoint = settings.EndpointUri(name);
            var local = new LocalAgent(session.Paths, session.Console);
            var components = new List<(string Name, string State, string Detail)>();
            using (var process = local.FindRunning())
            {
                components.Add(process is null
                    ? ("meshery-agent", "NotRunning", "no agent started by mesheryctl")
                    : ("meshery-agent", "Running", string.Create(CultureInfo.InvariantCulture, $"pid {process.Id}")));
                if (process is not null && File.ReadAllLines(session.Paths.AgentPidFile).Skip(1).FirstOrDefault() is { Length: > 0 } recorded
                    && Uri.TryCreate(recorded, UriKind.Absolute, out var started))
                {
                    endpoint = started;
                }
            }

            using var client = new AgentClient(endpoint, TimeSpan.FromSeconds(3));
            var readiness = await client.TryGetReadinessAsync(cancellationToken).ConfigureAwait(false);
            if (readiness is null)
            {
                components.Add(("meshery-server", "Unreachable", endpoint.ToString()));
            }
            else
            {
                components.Add(("meshery-server", readiness.Value.Ready ? "Ready" : "NotReady", endpoint.ToString()));
                foreach (var (check, value) in readiness.Value.Report["checks"] as JsonObject ?? [])
                {
                    // Checks read "ready", "not ready" or "ready: detail".
                    var text = value?.ToString() ?? "unknown";
                    var colon = text.IndexOf(':', StringComparison.Ordinal);
                    components.Add((check, Capitalize(colon >= 0 ? text[..colon] : text), colon >= 0 ? text[(colon + 1)..].Trim() : ""));
                }
            }

            var data = new JsonObject
            {
                ["context"] = name,
                ["platform"] = PlatformOption.Local,
                ["endpoint"] = endpoint.ToString(),
                ["components"] = new JsonArray(components.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["state"] = c.State, ["detail"] = c.Detail }).ToArray()),
            };
            session.Output.Write(data, () => session.Output.Table(["NAME", "STATE", "DETAIL"], components.Select(c => (IReadOnlyList<string>)[c.Name, c.State, c.Detail])));
            return 0;
        });
        return command;
    }

    private static string Capitalize(string state) =>
        state.Length == 0 ? state : string.Concat(state[..1].ToUpperInvariant(), state[1..].Replace(" ", "", StringComparison.Ordinal));
}

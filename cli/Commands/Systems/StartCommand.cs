using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.Cli.Output;

namespace Meshery.Cli.Commands.Systems;

/// <summary><c>system start -p local|kubernetes</c>.</summary>
public static class StartCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var platform = PlatformOption.Create();
        var detach = new Option<bool>("--detach", "-d") { Description = "local: leave the agent running in the background (its pid goes to ~/.meshery/agent.pid)" };
        var agentPath = new Option<string?>("--agent-path") { Description = $"local: the agent to run (default: ${AgentLocator.EnvironmentVariable}, beside mesheryctl, or the repository's build)", HelpName = "path" };
        var port = new Option<int?>("--port") { Description = "local: port for the agent (default: the context endpoint's port)" };
        var timeout = new Option<int>("--timeout") { HelpName = "seconds", Description = "Seconds to wait until Meshery is ready", DefaultValueFactory = _ => 120 };
        var kubeconfig = PlatformOption.CreateKubeconfig();
        var skipBrowser = new Option<bool>("--skip-browser") { Description = "Do not open the Meshery UI (mesheryctl never opens a browser; kept for upstream compatibility)" };
        var command = new Command("start", "Start Meshery: the agent as a local process in offline mode, or installed into the current Kubernetes context")
        {
            platform, detach, agentPath, port, timeout, kubeconfig, skipBrowser,
        };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var config = session.LoadConfig();
            var (name, settings) = session.ResolveContext(config);
            if (PlatformOption.Resolve(parse.GetValue(platform), settings) == PlatformOption.Kubernetes)
            {
                using var cluster = PlatformOption.OpenKubernetes(session, parse.GetValue(kubeconfig));
                var (states, url) = await ProgressReporter.RunAsync(session.Console, session.Format, "Installing Meshery", report =>
                    cluster.StartAsync(TimeSpan.FromSeconds(parse.GetValue(timeout)), report, cancellationToken)).ConfigureAwait(false);
                var inCluster = url.Host.EndsWith(".svc.cluster.local", StringComparison.Ordinal);
                var forward = $"kubectl -n {Meshery.Cli.Kubernetes.KubernetesPlatform.Namespace} port-forward svc/{Meshery.Deploy.Install.MesheryWorkloads.AgentDeployment} {url.Port}";
                var data = new JsonObject { ["platform"] = PlatformOption.Kubernetes, ["url"] = url.ToString(), ["components"] = Meshery.Cli.Kubernetes.KubernetesPlatform.ToJson(states) };
                if (inCluster)
                {
                    data["portForward"] = forward;
                }

                session.Output.Write(data, () => new Spectre.Console.Text(inCluster
                    ? $"Meshery is ready at {url} (in the cluster).\nFrom outside it: {forward}, then open http://localhost:{url.Port}/\n"
                    : $"Meshery is ready at {url}\n"));
                return 0;
            }

            var endpoint = settings.EndpointUri(name);
            var localUrl = new UriBuilder(endpoint) { Port = parse.GetValue(port) ?? endpoint.Port, Path = "/" }.Uri;
            return await StartLocalAsync(session, localUrl, parse.GetValue(agentPath), parse.GetValue(detach), TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> StartLocalAsync(CliSession session, Uri url, string? agentPath, bool detach, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var local = new LocalAgent(session.Paths, session.Console);
        if (local.FindRunning() is { } running)
        {
            using (running)
            {
                throw new CliException($"the Meshery agent is already running (pid {running.Id}); stop it with 'mesheryctl system stop'");
            }
        }

        var path = AgentLocator.Locate(agentPath, session.Console.GetEnvironmentVariable(AgentLocator.EnvironmentVariable), AppContext.BaseDirectory);
        session.Detail($"agent: {path}; log: {session.Paths.AgentLogFile}");
        using var process = local.Start(path, url, []);
        using var client = new AgentClient(url, TimeSpan.FromSeconds(2));
        try
        {
            await ProgressReporter.RunAsync(session.Console, session.Format, "Starting Meshery", report => WaitUntilReadyAsync(process, client, timeout, report, session, cancellationToken)).ConfigureAwait(false);
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            local.DeletePidFile();
            throw;
        }

        var data = new JsonObject { ["platform"] = "local", ["url"] = url.ToString(), ["pid"] = process.Id, ["log"] = session.Paths.AgentLogFile };
        session.Output.Write(data, () => new Spectre.Console.Text($"Meshery is ready at {url} (pid {process.Id}).\n"));
        if (detach)
        {
            session.Output.Line($"Running in the background; stop it with 'mesheryctl system stop'. Logs: 'mesheryctl system logs'.");
            return 0;
        }

        session.Output.Line("Press Ctrl+C to stop.");
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            local.DeletePidFile();
            throw new CliException($"the Meshery agent exited with code {process.ExitCode}; see {session.Paths.AgentLogFile}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await local.StopAsync(process, force: false, TimeSpan.FromSeconds(30), CancellationToken.None).ConfigureAwait(false);
            session.Output.Line("Meshery stopped.");
            return 0;
        }
    }

    private static async Task<bool> WaitUntilReadyAsync(Process process, AgentClient client, TimeSpan timeout, Action<string> report, CliSession session, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        report($"waiting for {client.Endpoint}readyz (pid {process.Id})");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new CliException($"the Meshery agent exited with code {process.ExitCode} before it was ready; see {session.Paths.AgentLogFile}");
            }

            var readiness = await client.TryGetReadinessAsync(cancellationToken).ConfigureAwait(false);
            if (readiness is { Ready: true })
            {
                report("ready");
                return true;
            }

            if (readiness is { } answer)
            {
                var pending = (answer.Report["checks"] as JsonObject)?.Where(c => c.Value?.GetValue<string>() != "ready").Select(c => $"{c.Key} {c.Value}");
                report($"not ready yet: {string.Join(", ", pending ?? [])}");
            }

            if (deadline.Elapsed > timeout)
            {
                throw new CliException($"the Meshery agent was not ready within {timeout.TotalSeconds:0} s; see {session.Paths.AgentLogFile}");
            }

            using var delay = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            await delay.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

using System.CommandLine;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;

namespace Meshery.Cli.Commands.Systems;

/// <summary><c>system stop</c>.</summary>
public static class StopCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var platform = PlatformOption.Create();
        var force = new Option<bool>("--force") { Description = "local: kill the agent at once; kubernetes: delete without waiting for graceful removal" };
        var keepNamespace = new Option<bool>("--keep-namespace") { Description = "kubernetes: keep the meshery namespace" };
        var timeout = new Option<int>("--timeout") { HelpName = "seconds", Description = "Seconds to wait for Meshery to stop before killing it", DefaultValueFactory = _ => 30 };
        var kubeconfig = PlatformOption.CreateKubeconfig();
        var command = new Command("stop", "Stop Meshery: the local agent, or remove it from the Kubernetes cluster") { platform, force, keepNamespace, timeout, kubeconfig };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var config = session.LoadConfig();
            var (_, settings) = session.ResolveContext(config);
            if (PlatformOption.Resolve(parse.GetValue(platform), settings) == PlatformOption.Kubernetes)
            {
                using var cluster = PlatformOption.OpenKubernetes(session, parse.GetValue(kubeconfig));
                var removed = await cluster.StopAsync(parse.GetValue(keepNamespace), parse.GetValue(force), cancellationToken).ConfigureAwait(false);
                session.Output.Write(
                    new JsonObject { ["platform"] = PlatformOption.Kubernetes, ["deleted"] = removed },
                    () => new Spectre.Console.Text(removed == 0 ? "Meshery is not installed.\n" : $"Meshery removed ({removed} objects deleted).\n"));
                return 0;
            }

            var local = new LocalAgent(session.Paths, session.Console);
            using var process = local.FindRunning();
            if (process is null)
            {
                session.Console.Out.WriteLine("Meshery is not running.");
                return 0;
            }

            var pid = process.Id;
            var graceful = await local.StopAsync(process, parse.GetValue(force), TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken).ConfigureAwait(false);
            session.Console.Out.WriteLine(graceful ? $"Meshery stopped (pid {pid})." : $"Meshery killed (pid {pid}).");
            return 0;
        });
        return command;
    }
}

using System.CommandLine;

namespace Meshery.Cli.Commands.Systems;

/// <summary><c>system logs [component]</c>.</summary>
public static class LogsCommand
{
    private static readonly string[] LocalComponents = ["meshery-agent", "meshery", "agent"];

    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var component = new Argument<string?>("component") { Description = "The component whose logs to show (kubernetes: meshery, meshsync, broker or a pod's name; local: meshery-agent; default: the agent)", Arity = ArgumentArity.ZeroOrOne };
        var platform = PlatformOption.Create();
        var tail = new Option<int?>("--tail") { Description = "Show only the last N lines", HelpName = "N" };
        var kubeconfig = PlatformOption.CreateKubeconfig();
        var command = new Command("logs", "Show the logs of Meshery's components") { component, platform, tail, kubeconfig };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var config = session.LoadConfig();
            var (_, settings) = session.ResolveContext(config);
            if (PlatformOption.Resolve(parse.GetValue(platform), settings) == PlatformOption.Kubernetes)
            {
                using var cluster = PlatformOption.OpenKubernetes(session, parse.GetValue(kubeconfig));
                await session.Console.Out.WriteAsync(await cluster.LogsAsync(parse.GetValue(component), parse.GetValue(tail), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                return 0;
            }

            var name = parse.GetValue(component);
            if (name is not null && !LocalComponents.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new CliException($"component '{name}' has no logs on the local platform (available: meshery-agent)");
            }

            var file = session.Paths.AgentLogFile;
            if (!File.Exists(file))
            {
                throw new CliException($"no logs yet: {file} does not exist (start Meshery with 'mesheryctl system start -p local')");
            }

            string[] lines;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var reader = new StreamReader(stream))
            {
                lines = (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Split('\n');
            }

            if (lines.Length > 0 && lines[^1].Length == 0)
            {
                lines = lines[..^1];
            }

            if (parse.GetValue(tail) is { } n && n >= 0 && n < lines.Length)
            {
                lines = lines[^n..];
            }

            foreach (var line in lines)
            {
                await session.Console.Out.WriteLineAsync(line.TrimEnd('\r')).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}

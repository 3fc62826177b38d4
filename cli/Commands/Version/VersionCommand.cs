using System.CommandLine;
using System.Reflection;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.Cli.Output;

namespace Meshery.Cli.Commands.Version;

/// <summary><c>mesheryctl version</c>: this client's version and, when reachable, the server's.</summary>
public static class VersionCommand
{
    /// <summary>The client's version, e.g. <c>v0.1.0</c>, and its commit.</summary>
    public static (string Version, string Commit) ClientVersion()
    {
        var informational = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        var sha = plus >= 0 ? informational[(plus + 1)..] : "unknown";
        return ("v" + (plus >= 0 ? informational[..plus] : informational), sha.Length > 12 ? sha[..12] : sha);
    }

    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var command = new Command("version", "Show the versions of mesheryctl and of the Meshery server of the current context");
        cli.SetAction(command, async (session, _, cancellationToken) =>
        {
            var (version, commit) = ClientVersion();
            var data = new JsonObject { ["client"] = new JsonObject { ["version"] = version, ["commitsha"] = commit } };
            string serverLine;
            try
            {
                var config = session.LoadConfig();
                var (name, settings) = session.ResolveContext(config);
                using var client = new AgentClient(settings.EndpointUri(name), TimeSpan.FromSeconds(3));
                var server = await client.GetVersionAsync(cancellationToken).ConfigureAwait(false);
                data["server"] = server;
                data["endpoint"] = client.Endpoint.ToString();
                serverLine = $"{server["build"]?.GetValue<string>()} (channel {server["release_channel"]?.GetValue<string>()}, commit {server["commitsha"]?.GetValue<string>()})";
            }
            catch (CliException ex)
            {
                // The server being down is not an error for 'version'.
                data["server"] = null;
                serverLine = "unavailable";
                session.Detail(ex.Message);
            }

            session.Output.Write(data, () => session.Output.Table(
                ["", "VERSION", "DETAILS"],
                [["Client", version, $"commit {commit}"], ["Server", serverLine.Split(' ')[0], serverLine.Contains(' ', StringComparison.Ordinal) ? serverLine[(serverLine.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim('(', ')') : ""]]));
            return 0;
        });
        return command;
    }
}

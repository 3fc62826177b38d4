using System.Globalization;
using Meshery.Testing.Network;

namespace Meshery.Containers.Tests.Support;

/// <summary>
/// The repository's <c>compose.yaml</c> run by podman-compose under a project name of its own, with the images and
/// loopback ports chosen through the file's variables. Dispose removes whatever the test left (containers, volumes,
/// the project's network).
/// </summary>
public sealed class ComposeProject : IAsyncDisposable
{
    private const string ProjectLabel = "io.podman.compose.project";

    private readonly Dictionary<string, string> _environment;

    public ComposeProject(string agentImage, string natsImage)
    {
        Name = "meshery-test-" + Guid.NewGuid().ToString("N")[..12];
        var ports = FreePort.Next(3);
        AgentAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ports[0]}"));
        BrokerMonitorAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ports[2]}"));
        _environment = new Dictionary<string, string>
        {
            ["MESHERY_IMAGE"] = agentImage,
            ["NATS_IMAGE"] = natsImage,
            ["MESHERY_PORT"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["NATS_PORT"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["NATS_MONITOR_PORT"] = ports[2].ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The compose project name (prefix of its containers, volumes and network).</summary>
    public string Name { get; }

    /// <summary>The agent's published port 9081.</summary>
    public Uri AgentAddress { get; }

    /// <summary>The broker's published HTTP monitoring port 8222.</summary>
    public Uri BrokerMonitorAddress { get; }

    public Task<ScriptResult> UpAsync(CancellationToken cancellationToken) =>
        ContainerScripts.ComposeAsync(["--project-name", Name, "up", "--detach", "--no-build"], _environment, cancellationToken);

    public Task<ScriptResult> DownAsync(CancellationToken cancellationToken) =>
        ContainerScripts.ComposeAsync(["--project-name", Name, "down", "--volumes"], _environment, cancellationToken);

    /// <summary>Names of the project's containers (any state) as podman lists them.</summary>
    public async Task<IReadOnlyList<string>> ContainersAsync(CancellationToken cancellationToken) =>
        Lines(await ContainerScripts.PodmanAsync(["ps", "--all", "--filter", $"label={ProjectLabel}={Name}", "--format", "{{.Names}}"], cancellationToken));

    /// <summary>Names of the project's volumes.</summary>
    public async Task<IReadOnlyList<string>> VolumesAsync(CancellationToken cancellationToken) =>
        Lines(await ContainerScripts.PodmanAsync(["volume", "ls", "--filter", $"label={ProjectLabel}={Name}", "--format", "{{.Name}}"], cancellationToken));

    /// <summary>The last log lines of every container of the project, for a failure message.</summary>
    public async Task<string> FailureReportAsync(CancellationToken cancellationToken)
    {
        var report = new System.Text.StringBuilder();
        foreach (var container in await ContainersAsync(cancellationToken))
        {
            var logs = await ContainerScripts.PodmanAsync(["logs", "--tail", "30", container], cancellationToken);
            report.AppendLine(CultureInfo.InvariantCulture, $"--- {container}").Append(logs.Output).Append(logs.Errors);
        }

        return report.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        // podman-compose 1.0 leaves the project's network behind, and a failed test may leave everything.
        foreach (var container in await ContainersAsync(CancellationToken.None))
        {
            await ContainerScripts.PodmanAsync(["rm", "--force", "--time", "0", container], CancellationToken.None);
        }

        foreach (var volume in await VolumesAsync(CancellationToken.None))
        {
            await ContainerScripts.PodmanAsync(["volume", "rm", "--force", volume], CancellationToken.None);
        }

        await ContainerScripts.PodmanAsync(["network", "prune", "--force", "--filter", $"label={ProjectLabel}={Name}"], CancellationToken.None);
    }

    private static string[] Lines(ScriptResult result) =>
        result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

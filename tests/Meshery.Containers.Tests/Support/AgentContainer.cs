using System.Globalization;
using System.Net;
using Meshery.Testing.Network;

namespace Meshery.Containers.Tests.Support;

/// <summary>
/// The agent image run with <c>podman run -d</c>, its port 9081 published on a free loopback port; removed with
/// <c>podman rm -f</c> on dispose.
/// </summary>
public sealed class AgentContainer : IAsyncDisposable
{
    private const int AgentPort = 9081;

    private AgentContainer(string id, Uri baseAddress)
    {
        Id = id;
        BaseAddress = baseAddress;
    }

    public string Id { get; }

    public Uri BaseAddress { get; }

    /// <summary>Starts <paramref name="image"/> with <paramref name="environment"/> added to the image's own.</summary>
    public static async Task<AgentContainer> StartAsync(
        string image, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var port = FreePort.Next();
        List<string> arguments = ["run", "--detach", "--name", "meshery-test-" + Guid.NewGuid().ToString("N")[..12],
            "--publish", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}:{AgentPort}")];
        foreach (var (key, value) in environment)
        {
            arguments.AddRange(["--env", $"{key}={value}"]);
        }

        arguments.Add(image);
        var run = await ContainerScripts.PodmanAsync(arguments, cancellationToken);
        return new AgentContainer(run.LastLine, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")));
    }

    /// <summary>
    /// Polls <paramref name="path"/> until it answers 200 and returns the body; fails with the container's log when the
    /// container stops or <paramref name="timeout"/> passes first.
    /// </summary>
    public Task<string> WaitForOkAsync(HttpClient client, string path, TimeSpan timeout, CancellationToken cancellationToken) =>
        ContainerHttp.WaitForAsync(client, new Uri(BaseAddress, path), body => body.Status == HttpStatusCode.OK, timeout,
            () => FailureReportAsync(cancellationToken), cancellationToken);

    /// <summary>The container's state and its log, for a failure message.</summary>
    public async Task<string> FailureReportAsync(CancellationToken cancellationToken)
    {
        var state = await ContainerScripts.PodmanAsync(["inspect", "--format", "{{.State.Status}} (exit code {{.State.ExitCode}})", Id], cancellationToken);
        var logs = await ContainerScripts.PodmanAsync(["logs", "--tail", "40", Id], cancellationToken);
        return $"container {Id[..12]} is {state.LastLine}; its last log lines:{Environment.NewLine}{logs.Output}{logs.Errors}";
    }

    /// <summary>One value of <c>podman inspect</c> for the container, e.g. <c>{{.State.Pid}}</c>.</summary>
    public async Task<string> InspectAsync(string format, CancellationToken cancellationToken) =>
        (await ContainerScripts.PodmanAsync(["inspect", "--format", format, Id], cancellationToken)).LastLine;

    public async ValueTask DisposeAsync() =>
        await ContainerScripts.PodmanAsync(["rm", "--force", "--time", "0", Id], CancellationToken.None);
}

using System.Diagnostics;
using System.Globalization;

namespace Meshery.Containers.Tests.Support;

/// <summary>
/// Builds the images once for the whole test run: the agent image from the repository's Dockerfile, every stage
/// (<c>build-agent-image.sh --full</c>: the publish runs in the SDK stand-in image), and the NATS stand-in the compose
/// file runs as its broker. The base images are made on first use and kept in the project's image storage, and the
/// build's layers are cached, so a warm run takes seconds.
/// </summary>
public sealed class AgentImageFixture : IAsyncLifetime
{
    /// <summary>The tests' own tag, so a developer's <c>localhost/meshery-agent:dev</c> is left alone.</summary>
    public const string AgentImageName = "localhost/meshery-agent:test";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    public string AgentImage { get; private set; } = AgentImageName;

    /// <summary>The agent image's size as podman reports it (uncompressed, all layers).</summary>
    public long AgentImageBytes { get; private set; }

    public TimeSpan AgentImageBuildTime { get; private set; }

    public string NatsImage { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        var agent = await ContainerScripts.RunAsync("build-agent-image.sh", ["--full", "--tag", AgentImageName], BuildTimeout, cancellationToken);
        AgentImageBuildTime = clock.Elapsed;
        (AgentImage, AgentImageBytes) = ImageAndSize(agent);

        var nats = await ContainerScripts.RunAsync("nats-image.sh", [], BuildTimeout, cancellationToken);
        NatsImage = ImageAndSize(nats).Image;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The build scripts end with a line "image bytes".</summary>
    private static (string Image, long Bytes) ImageAndSize(ScriptResult result)
    {
        var parts = result.LastLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? (parts[0], bytes)
            : throw new InvalidOperationException($"The build's last line is not \"image bytes\":{Environment.NewLine}{result.Output}{result.Errors}");
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Meshery.Containers.Tests.Support;

namespace Meshery.Containers.Tests.Compose;

/// <summary>The repository's compose.yaml run by Debian's podman-compose: the agent and its NATS broker together.</summary>
[Collection(ContainersCollection.Name)]
public sealed class ComposeTests(AgentImageFixture images) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(5) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Up_starts_the_agent_connected_to_its_broker_and_down_removes_them()
    {
        await using var project = new ComposeProject(images.AgentImage, images.NatsImage);
        await project.UpAsync(Ct);

        // The agent reports the broker, reached by its service name, connected.
        var ready = await ContainerHttp.WaitForAsync(_client, new Uri(project.AgentAddress, "/readyz"),
            answer => answer.Status == HttpStatusCode.OK && BrokerCheck(answer.Body).StartsWith("connected ", StringComparison.Ordinal),
            StartTimeout, () => project.FailureReportAsync(Ct), Ct);
        Assert.Equal("connected nats://broker:4222", BrokerCheck(ready));

        // The broker agrees: its monitoring endpoint lists the agent's connection by name.
        var connections = JsonNode.Parse(await _client.GetStringAsync(new Uri(project.BrokerMonitorAddress, "/connz"), Ct))!;
        Assert.Contains("meshery-server", connections["connections"]!.AsArray().Select(c => (string?)c!["name"]));

        using var version = await _client.GetAsync(new Uri(project.AgentAddress, "/api/system/version"), Ct);
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.Equal(2, (await project.ContainersAsync(Ct)).Count);
        Assert.Single(await project.VolumesAsync(Ct));

        await project.DownAsync(Ct);

        Assert.Empty(await project.ContainersAsync(Ct));
        Assert.Empty(await project.VolumesAsync(Ct));
    }

    private static string BrokerCheck(string readyz) => (string?)JsonNode.Parse(readyz)?["checks"]?["broker"] ?? "";
}

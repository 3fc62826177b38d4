using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Meshery.Containers.Tests.Support;

namespace Meshery.Containers.Tests.Images;

/// <summary>The agent image, built with podman from the repository's Dockerfile and run as a container.</summary>
[Collection(ContainersCollection.Name)]
public sealed class AgentImageTests(AgentImageFixture images) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(5) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Image_is_built_from_the_Dockerfile_as_a_non_root_agent_with_a_healthcheck()
    {
        var inspect = await ContainerScripts.PodmanAsync(["image", "inspect", images.AgentImage], Ct);
        var image = JsonNode.Parse(inspect.Output)!.AsArray().Single()!;

        Assert.Equal("1654", (string?)image["Config"]!["User"]);
        Assert.Equal(["/app/meshery-agent"], image["Config"]!["Entrypoint"]!.AsArray().Select(e => (string?)e));
        Assert.NotNull(image["Config"]!["ExposedPorts"]!["9081/tcp"]);
        Assert.Equal(["CMD", "/app/meshery-agent", "healthcheck"], image["Healthcheck"]!["Test"]!.AsArray().Select(e => (string?)e));
        var environment = image["Config"]!["Env"]!.AsArray().Select(e => (string?)e).ToList();
        Assert.Contains("Meshery__Agent__Modules__Operator=false", environment);
        Assert.Contains("HOME=/home/app", environment);

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{images.AgentImage}: {images.AgentImageBytes / 1_000_000.0:0.0} MB ({images.AgentImageBytes} bytes), built in {images.AgentImageBuildTime.TotalSeconds:0} s"));
        Assert.InRange(images.AgentImageBytes, 1, 400_000_000);
    }

    [Fact]
    public async Task Container_answers_healthz_and_version()
    {
        await using var agent = await AgentContainer.StartAsync(images.AgentImage, new Dictionary<string, string>(), Ct);

        var health = await agent.WaitForOkAsync(_client, "/healthz", StartTimeout, Ct);
        Assert.Equal("ok", (string?)JsonNode.Parse(health)!["status"]);

        using var response = await _client.GetAsync(new Uri(agent.BaseAddress, "/api/system/version"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var version = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.StartsWith("v", (string?)version["build"], StringComparison.Ordinal);
        Assert.Equal("stable", (string?)version["release_channel"]);
        Assert.False(string.IsNullOrEmpty((string?)version["commitsha"]));
    }

    [Fact]
    public async Task Container_process_runs_as_a_non_root_user_and_reports_healthy()
    {
        await using var agent = await AgentContainer.StartAsync(images.AgentImage, new Dictionary<string, string>(), Ct);
        await agent.WaitForOkAsync(_client, "/healthz", StartTimeout, Ct);

        // The agent's process as the host sees it (rootful podman maps no user namespace: the uids are the real ones).
        var pid = await agent.InspectAsync("{{.State.Pid}}", Ct);
        var status = await File.ReadAllLinesAsync($"/proc/{pid}/status", Ct);
        Assert.Equal("meshery-agent", Field(status, "Name:").Single());
        Assert.All(Field(status, "Uid:"), uid => Assert.Equal("1654", uid));
        Assert.All(Field(status, "Gid:"), gid => Assert.Equal("1654", gid));

        // The image's HEALTHCHECK (the agent probing itself) passes.
        await ContainerScripts.PodmanAsync(["healthcheck", "run", agent.Id], Ct);
        Assert.Equal("healthy", await agent.InspectAsync("{{.State.Health.Status}}", Ct));
    }

    [Fact]
    public async Task Modules_follow_the_environment_so_one_image_serves_every_role()
    {
        // The image's defaults: the broker module is on (and reports that no broker is configured).
        await using var server = await AgentContainer.StartAsync(images.AgentImage, new Dictionary<string, string>(), Ct);
        var serverChecks = await ReadyChecksAsync(server);
        Assert.Contains("broker", serverChecks);

        // Broker and discovery switched off by the environment: the broker module is not there at all.
        await using var apiOnly = await AgentContainer.StartAsync(images.AgentImage, new Dictionary<string, string>
        {
            ["Meshery__Agent__Modules__Broker"] = "false",
            ["Meshery__Agent__Modules__Discovery"] = "false",
        }, Ct);
        var apiOnlyChecks = await ReadyChecksAsync(apiOnly);
        Assert.DoesNotContain("broker", apiOnlyChecks);
        Assert.Contains("provider", apiOnlyChecks);
    }

    private async Task<IReadOnlyCollection<string>> ReadyChecksAsync(AgentContainer agent)
    {
        // /readyz answers 503 while the broker is missing, with the checks in the body either way.
        var body = await ContainerHttp.WaitForAsync(_client, new Uri(agent.BaseAddress, "/readyz"),
            answer => answer.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, StartTimeout,
            () => agent.FailureReportAsync(Ct), Ct);
        return [.. JsonNode.Parse(body)!["checks"]!.AsObject().Select(check => check.Key)];
    }

    /// <summary>The values of one line of /proc/PID/status, e.g. the four uids of "Uid:".</summary>
    private static string[] Field(string[] status, string name) =>
        status.Single(line => line.StartsWith(name, StringComparison.Ordinal))[name.Length..]
            .Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using Meshery.Testing.Waiting;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Meshery.Agent.Broker;
using Meshery.Agent.Tests.Support;
using Meshery.Testing.Nats;
using Meshery.Testing.Network;
using Meshery.Testing.Storage;

namespace Meshery.Agent.Tests.Broker;

/// <summary>With no broker URL the agent starts nats-server as a child, reports it in /readyz and kills it on shutdown.</summary>
public sealed class NatsServerProcessTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_agent_runs_its_own_broker_and_stops_it()
    {
        using var folder = new TempDirectory();
        var ports = FreePort.Next(2);
        var host = await ModuleAgentHost.StartAsync(folder, brokerUrl: "", Settings(ports[0], ports[1]), Ct);
        int pid;
        try
        {
            var child = host.Get<NatsServerProcess>();
            pid = child.ProcessId ?? throw new InvalidOperationException("no child broker: " + child.Status);
            var ready = await Eventually.HoldsAsync(
                async () => JsonNode.Parse(await host.Client.GetStringAsync(new Uri("/readyz", UriKind.Relative), Ct))!,
                r => r["checks"]!["broker"]!.GetValue<string>().StartsWith("connected", StringComparison.Ordinal),
                TimeSpan.FromSeconds(10),
                r => r.ToJsonString(),
                Ct);
            Assert.Contains($"nats://127.0.0.1:{ports[0]}", ready["checks"]!["broker"]!.GetValue<string>(), StringComparison.Ordinal);

            using var monitor = new HttpClient();
            var connz = await monitor.GetStringAsync(new Uri($"http://127.0.0.1:{ports[1]}/connz"), Ct);
            Assert.Contains("meshery-server", connz, StringComparison.Ordinal);
        }
        finally
        {
            await host.DisposeAsync();
        }

        Assert.True(Exited(pid), $"nats-server {pid} still runs after the agent stopped");
    }

    [Fact]
    public async Task A_broker_already_on_the_port_is_used_instead()
    {
        using var folder = new TempDirectory();
        await using var host = await ModuleAgentHost.StartAsync(folder, brokerUrl: "", Settings(nats.Port, nats.MonitorPort), Ct);
        var child = host.Get<NatsServerProcess>();
        Assert.Null(child.ProcessId);
        Assert.Contains("already listening", child.Status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_executable_is_reported_without_stopping_the_agent()
    {
        using var folder = new TempDirectory();
        var ports = FreePort.Next(2);
        var settings = Settings(ports[0], ports[1]);
        settings["Meshery:Broker:Executable"] = folder.Combine("no-such-nats-server");
        await using var host = await ModuleAgentHost.StartAsync(folder, brokerUrl: "", settings, Ct);
        var ready = JsonNode.Parse(await host.Client.GetStringAsync(new Uri("/readyz", UriKind.Relative), Ct))!;
        Assert.Equal("ready", ready["status"]!.GetValue<string>());
        Assert.Contains("nats-server was not found", ready["checks"]!["broker"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Settings(int port, int monitorPort) => new()
    {
        ["Meshery:Broker:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Meshery:Broker:MonitorPort"] = monitorPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static bool Exited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}

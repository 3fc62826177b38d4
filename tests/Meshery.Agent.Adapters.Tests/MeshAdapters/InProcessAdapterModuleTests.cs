using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.Adapters.Tests.Support;
using Meshery.Testing.Network;
using Meshery.Testing.Storage;

namespace Meshery.Agent.Adapters.Tests.MeshAdapters;

/// <summary><c>Meshery:Agent:Modules:Adapters</c> on: the agent serves an adapter itself, uses it and records its registration.</summary>
public sealed class InProcessAdapterModuleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_agents_own_adapter_is_listed_live_and_registered()
    {
        using var folder = new TempDirectory();
        var port = FreePort.Next();
        await using var agent = await AgentHost.StartAsync(folder, port, new Dictionary<string, string>
        {
            ["Meshery:Agent:Modules:Adapters"] = "true",
            ["Meshery:Adapter:Host"] = "127.0.0.1",
            ["Meshery:Adapter:Port"] = "0",
            ["Meshery:Adapter:ServerUrl"] = $"http://127.0.0.1:{port}",
            ["Meshery:Adapter:ServiceAddress"] = "127.0.0.1",
        }, Ct);

        var own = Assert.Single(await Eventually.HoldsAsync(() => agent.AdaptersAsync(Ct), a => a.Single()!["live"]!.GetValue<bool>(), "the own adapter is live", Ct))!;
        Assert.StartsWith("127.0.0.1:", own["adapterLocation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("MESHERY-SAMPLE", own["name"]!.GetValue<string>());

        var registrants = await Eventually.HoldsAsync(
            async () => (await agent.Client.GetFromJsonAsync<JsonObject>(new Uri("/api/registry/registrants", UriKind.Relative), Ct))!["registrants"]!.AsArray(),
            r => r.Count == 1,
            "the own adapter registered",
            Ct);
        Assert.Equal(own["adapterLocation"]!.GetValue<string>(), registrants[0]!["name"]!.GetValue<string>());
    }
}

using Meshery.Agent.Tests.Support;

namespace Meshery.Agent.Tests.Providers;

public sealed class ProviderEndpointsTests(AgentHost host) : IClassFixture<AgentHost>
{
    [Fact]
    public async Task Providers_lists_the_local_provider_by_name()
    {
        var providers = System.Text.Json.Nodes.JsonNode.Parse(await host.Client.GetStringAsync("/api/providers", TestContext.Current.CancellationToken))!;

        var local = providers["None"]!;
        AgentHttp.AssertCamelCase(local);
        Assert.Equal("local", (string?)local["providerType"]);
        Assert.Equal("None", (string?)local["providerName"]);
    }

    [Fact]
    public async Task Capabilities_name_every_feature_the_local_provider_serves()
    {
        var capabilities = await host.Client.GetOkAsync("/api/provider/capabilities");

        var features = capabilities["capabilities"]!.AsArray().Select(c => (string?)c!["feature"]).ToList();
        Assert.Equal("local", (string?)capabilities["providerType"]);
        Assert.Contains("sync-prefs", features);
        Assert.Contains("persist-connection", features);
        Assert.Contains("persist-meshery-patterns", features);
        Assert.Contains("persist-events", features);
        Assert.Contains("environments", features);
        Assert.DoesNotContain("sync-events", features); // Local keeps an outbox; it ingests nothing.
        Assert.NotEmpty((capabilities["providerDescription"]!.AsArray()));
    }
}

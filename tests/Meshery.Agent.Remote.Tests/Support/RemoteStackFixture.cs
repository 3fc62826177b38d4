using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Meshery.Provider.Hosting;
using Meshery.Testing.Azurite;
using Meshery.Testing.Provider;
using Meshery.Testing.Tokens;

namespace Meshery.Agent.Remote.Tests.Support;

/// <summary>
/// The hosted provider (TLS, tables in a real Azurite, the agent's callback registered) and an agent
/// configured with it as its remote provider: a Meshery server and its provider, both real.
/// </summary>
public sealed class RemoteStackFixture : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new();

    public TestTokenIssuer Tokens { get; } = new();

    public IdentityTestSettings Identity { get; } = new();

    public ProviderHostRunner Provider { get; private set; } = null!;

    public AgentUnderTest Agent { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Identity.MesheryCallbacks.Add(Agent.Callback);
        Provider = new ProviderHostRunner(ProviderHost.Build, Azurite, Tokens, Identity);
        await Provider.StartAsync(TestContext.Current.CancellationToken);
        await Agent.StartAsync(Provider);
    }

    /// <summary>A GET at the provider with a user's token: asserts 200 and answers the JSON.</summary>
    public async Task<JsonNode> ProviderGetAsync(string token, string path, CancellationToken cancellationToken)
    {
        using var provider = Provider.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", token);
        using var answer = await provider.SendAsync(request, cancellationToken);
        var body = await answer.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"GET {path} at the provider: {(int)answer.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }

        Tokens.Dispose();
        Identity.Dispose();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RemoteStackCollection : ICollectionFixture<RemoteStackFixture>
{
    public const string Name = "agent with the hosted provider";
}

using System.Net;
using Meshery.Agent.Remote.Tests.Support;
using Meshery.Provider.Hosting;
using Meshery.Testing.Provider;
using Meshery.Testing.Tokens;

namespace Meshery.Agent.Remote.Tests.Sessions;

/// <summary>
/// A key rollover at the provider: the agent holds the old key set; the provider restarts signing with a
/// new key; the first token with the new kid makes the agent fetch <c>/keys</c> again and is accepted.
/// </summary>
[Collection(RemoteStackCollection.Name)]
public sealed class KeyRolloverTests(RemoteStackFixture stack)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_token_signed_with_a_new_key_makes_the_agent_fetch_the_keys_again_and_is_accepted()
    {
        using var tokens = new TestTokenIssuer();
        using var identity = new IdentityTestSettings();
        await using var agent = new AgentUnderTest();
        identity.MesheryCallbacks.Add(agent.Callback);
        await using var provider = new ProviderHostRunner(ProviderHost.Build, stack.Azurite, tokens, identity);
        await provider.StartAsync(Cancel);
        await agent.StartAsync(provider);
        var oldKid = identity.Kid;

        using (var before = new AgentSession(provider, agent))
        {
            await before.SignInAsync();
            using var answer = await before.Client.GetAsync("/api/user/prefs", Cancel);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        var fetches = agent.Calls.Count("GET /keys");
        var newKid = identity.AddSigningKey();
        await provider.RestartAsync(Cancel);

        using var after = new AgentSession(provider, agent);
        await after.SignInAsync();
        Assert.Equal(newKid, new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(TokenForge.AccessToken(after.Token!)).Kid);
        using var accepted = await after.Client.GetAsync("/api/user/prefs", Cancel);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(fetches + 1, agent.Calls.Count("GET /keys"));
        Assert.NotEqual(oldKid, newKid);
    }
}

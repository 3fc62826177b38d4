using System.Net;
using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;

namespace Meshery.Agent.Tests.Providers;

/// <summary>Offline mode (no remote provider configured): the sign-in routes answer as upstream's Local provider and nothing asks for a session.</summary>
public sealed class OfflineSignInTests(AgentHost host) : IClassFixture<AgentHost>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_goes_back_to_a_safe_ref_and_nowhere_else()
    {
        using var client = NoRedirects();
        using var safe = await client.GetAsync("/user/login?ref=L2FwaS91c2Vy", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, safe.StatusCode);
        Assert.Equal("/api/user", safe.Headers.Location!.OriginalString);

        using var away = await client.GetAsync("/user/login?ref=aHR0cHM6Ly9ldmlsLnRlc3Qv", Cancel);
        Assert.Equal("/", away.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_token_callback_is_not_found_and_the_token_is_the_local_providers()
    {
        using var callback = await host.Client.GetAsync("/api/user/token?token=abc", Cancel);
        await callback.AssertProblemAsync(HttpStatusCode.NotFound, "offline mode");

        var token = await host.Client.GetOkAsync("/api/token");
        Assert.Equal("None", (string?)token["meshery-provider"]);
        Assert.Equal("", (string?)token["token"]);
    }

    [Fact]
    public async Task Only_the_local_provider_is_listed_and_chosen()
    {
        var providers = JsonNode.Parse(await host.Client.GetStringAsync("/api/providers", Cancel))!.AsObject();
        Assert.Equal(["None"], providers.Select(p => p.Key));

        using var client = NoRedirects();
        using var local = await client.GetAsync("/api/provider?provider=None", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, local.StatusCode);
        using var remote = await client.GetAsync("/api/provider?provider=Meshery", Cancel);
        await remote.AssertProblemAsync(HttpStatusCode.BadRequest, "'None'");
    }

    private HttpClient NoRedirects() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = host.Client.BaseAddress };
}

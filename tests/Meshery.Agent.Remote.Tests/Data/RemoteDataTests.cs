using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Meshery.Agent.Hosting;
using Meshery.Agent.Remote.Tests.Support;
using Meshery.Agent.RemoteProvider.Registration;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Agent.Remote.Tests.Data;

/// <summary>In remote mode the agent's routes are served by the provider with the user's token; Local data stays apart.</summary>
[Collection(RemoteStackCollection.Name)]
public sealed class RemoteDataTests(RemoteStackFixture stack)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestLimits.Test)]
    public async Task Preferences_written_through_the_agent_land_in_the_provider_and_not_in_local_storage()
    {
        using var session = new AgentSession(stack);
        await session.SignInAsync();
        var organization = Guid.NewGuid();

        using var saved = await session.Client.PostAsync(
            "/api/user/prefs", Json($$"""{"selectedOrganizationId":"{{organization}}","anonymousUsageStats":false}"""), Cancel);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var atProvider = await ProviderGetAsync(session.Token!, "/user/preferences");
        Assert.Equal(organization.ToString("D"), (string?)atProvider["selectedOrganizationId"]);
        Assert.False((bool)atProvider["anonymousUsageStats"]!);

        using var local = new HttpClient { BaseAddress = stack.Agent.BaseAddress };
        using var offline = await local.GetAsync("/api/user/prefs", Cancel);
        var localPrefs = JsonNode.Parse(await offline.Content.ReadAsStringAsync(Cancel))!;
        Assert.NotEqual(organization.ToString("D"), (string?)localPrefs["selectedOrganizationId"]);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Environments_created_through_the_agent_are_the_users_at_the_provider()
    {
        using var session = new AgentSession(stack);
        await session.SignInAsync();
        var name = "env-" + Guid.NewGuid().ToString("N")[..8];
        var organization = (string?)(await ProviderGetAsync(session.Token!, "/api/identity/orgs"))["organizations"]![0]!["id"];

        using var created = await session.Client.PostAsync(
            "/api/environments", Json($$"""{"name":"{{name}}","organization_id":"{{organization}}"}"""), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await ProviderGetAsync(session.Token!, "/api/environments?pagesize=100");
        Assert.Contains(page["environments"]!.AsArray(), e => (string?)e!["name"] == name);

        // Another user signed in through the same agent does not see it.
        using var other = new AgentSession(stack);
        await other.SignInAsync();
        using var theirs = await other.Client.GetAsync("/api/environments?pagesize=100", Cancel);
        var theirPage = JsonNode.Parse(await theirs.Content.ReadAsStringAsync(Cancel))!;
        Assert.DoesNotContain(theirPage["environments"]!.AsArray(), e => (string?)e!["name"] == name);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task After_sign_in_the_agent_registers_itself_once_as_a_meshery_connection()
    {
        using var session = new AgentSession(stack);
        await session.SignInAsync();
        var serverId = stack.Agent.Services.GetRequiredService<AgentInstance>().Id.ToString("D");
        var connectionId = stack.Agent.Services.GetRequiredService<AgentRegistration>().ConnectionId.ToString("D");

        var first = await Eventually.HoldsAsync(
            () => MesheryConnectionsAsync(session.Token!),
            list => list.Count == 1,
            TimeSpan.FromSeconds(20),
            list => $"{list.Count} meshery connections",
            Cancel);
        var connection = first[0]!;
        Assert.Equal(connectionId, (string?)connection["id"]);
        Assert.Equal("platform", (string?)connection["type"]);
        Assert.Equal("management", (string?)connection["subType"]);
        Assert.Equal("connected", (string?)connection["status"]);
        Assert.Equal(serverId, (string?)connection["metadata"]!["server_id"]);
        Assert.Equal(stack.Agent.BaseAddress.GetLeftPart(UriPartial.Authority), (string?)connection["metadata"]!["server_location"]);

        // Signing out and in again updates the same connection.
        var registrations = stack.Agent.Calls.Count("POST /api/integrations/connections");
        using (await session.Client.GetAsync("/user/logout", Cancel))
        {
        }

        await session.SignInAsync();
        await Eventually.HoldsAsync(
            () => Task.FromResult(stack.Agent.Calls.Count("POST /api/integrations/connections")),
            count => count > registrations,
            TimeSpan.FromSeconds(20),
            count => $"{count} registrations",
            Cancel);
        var again = await MesheryConnectionsAsync(session.Token!);
        Assert.Equal(connectionId, (string?)Assert.Single(again)!["id"]);
    }

    private async Task<JsonArray> MesheryConnectionsAsync(string token)
    {
        var page = await ProviderGetAsync(token, "/api/integrations/connections?kind=meshery&pagesize=100");
        return page["connections"]?.AsArray() ?? [];
    }

    private Task<JsonNode> ProviderGetAsync(string token, string path) => stack.ProviderGetAsync(token, path, Cancel);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

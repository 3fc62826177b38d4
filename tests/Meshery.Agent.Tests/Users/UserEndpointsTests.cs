using System.Net;
using Meshery.Agent.Tests.Support;

namespace Meshery.Agent.Tests.Users;

/// <summary>The one local user's profile and preferences; tests here run one at a time on a shared host.</summary>
public sealed class UserEndpointsTests(AgentHost host) : IClassFixture<AgentHost>
{
    [Fact]
    public async Task The_profile_is_the_local_user_with_their_preferences()
    {
        using var saved = await host.Client.PostJsonAsync("/api/user/prefs", """{"selectedOrganizationId":"profile-org"}""");
        await saved.ReadOkAsync();

        var user = await host.Client.GetOkAsync("/api/user");

        Assert.Equal("a449604d-3f10-58f4-95ff-a9385c2fad6a", (string?)user["id"]);
        Assert.Equal("None", (string?)user["provider"]);
        Assert.Equal("meshery", (string?)user["userId"]);
        Assert.Equal("admin", (string?)user["roleNames"]![0]);
        Assert.Equal("profile-org", (string?)user["preferences"]!["selectedOrganizationId"]);
    }

    [Fact]
    public async Task Posting_preferences_merges_top_level_members_in_either_naming()
    {
        using var first = await host.Client.PostJsonAsync(
            "/api/user/prefs", """{"anonymous_usage_stats":true,"loadTestPrefs":{"c":2,"qps":5,"t":"30s","gen":"fortio"},"somethingNew":{"a":1}}""");
        var afterFirst = await first.ReadOkAsync();
        using var second = await host.Client.PostJsonAsync(
            "/api/user/prefs", """{"anonymousPerfResults":false,"selected_organization_id":"org-2","load_test_prefs":{"qps":9}}""");
        var afterSecond = await second.ReadOkAsync();
        using var get = await host.Client.GetAsync("/api/user/prefs", TestContext.Current.CancellationToken);
        var read = await get.ReadOkAsync();

        Assert.True((bool)afterFirst["anonymousUsageStats"]!);
        Assert.True((bool)afterSecond["anonymousUsageStats"]!);
        Assert.False((bool)afterSecond["anonymousPerfResults"]!);
        Assert.Equal("org-2", (string?)afterSecond["selectedOrganizationId"]);
        Assert.Equal(9, (int)afterSecond["loadTestPrefs"]!["qps"]!);
        Assert.Null(afterSecond["loadTestPrefs"]!["gen"]);
        Assert.Equal(1, (int)afterSecond["somethingNew"]!["a"]!);
        Assert.Equal(afterSecond.ToJsonString(), read.ToJsonString());
        Assert.Equal(AgentHttp.ETagOf(second), AgentHttp.ETagOf(get));
        Assert.NotEqual(AgentHttp.ETagOf(first), AgentHttp.ETagOf(second));
    }

    [Fact]
    public async Task A_stale_if_match_answers_412_and_changes_nothing()
    {
        using var start = await host.Client.PostJsonAsync("/api/user/prefs", """{"selectedOrganizationId":"before-412"}""");
        var etag = AgentHttp.ETagOf(start);
        using var winner = await host.Client.PostJsonAsync("/api/user/prefs", """{"selectedOrganizationId":"winner"}""", etag);
        await winner.ReadOkAsync();

        using var loser = await host.Client.PostJsonAsync("/api/user/prefs", """{"selectedOrganizationId":"loser"}""", etag);

        await loser.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "changed by someone else");
        var read = await host.Client.GetOkAsync("/api/user/prefs");
        Assert.Equal("winner", (string?)read["selectedOrganizationId"]);
    }

    [Fact]
    public async Task A_bad_preferences_body_is_a_problem()
    {
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/user/prefs", HttpStatusCode.BadRequest, "not valid JSON", """{"anonymousUsageStats":""");
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/user/prefs", HttpStatusCode.BadRequest, "not valid JSON", """{"anonymousUsageStats":"maybe"}""");
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/user/prefs", HttpStatusCode.BadRequest, "null", "null");
    }

    [Fact]
    public async Task Concurrent_blind_partial_updates_all_land()
    {
        var keys = Enumerable.Range(0, 16).Select(i => $"concurrent-{Guid.NewGuid():N}-{i}").ToArray();

        await Task.WhenAll(keys.Select(async key =>
        {
            using var saved = await host.Client.PostJsonAsync("/api/user/prefs", $$"""{"usersExtensionPreferences":{"unused":1},"{{key}}":true}""");
            await saved.ReadOkAsync();
        }));
        using var get = await host.Client.GetAsync("/api/user/prefs", TestContext.Current.CancellationToken);
        var read = await get.ReadOkAsync();

        Assert.All(keys, key => Assert.True((bool?)read[key], $"{key} was lost"));
    }
}

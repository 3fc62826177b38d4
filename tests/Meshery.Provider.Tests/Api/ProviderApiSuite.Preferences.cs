using System.Net;

namespace Meshery.Provider.Tests.Api;

public abstract partial class ProviderApiSuite
{
    [Fact]
    public async Task Preferences_put_answers_201_and_read_back_in_both_namings()
    {
        var (_, token) = NewUser();

        using var put = await SendAsync(HttpMethod.Put, "user/preferences", token, rawJson: """{"anonymous_usage_stats":true,"selectedOrganizationId":"org-1","loadTestPrefs":{"c":4,"gen":"fortio"}}""");
        using var get = await SendAsync(HttpMethod.Get, "user/preferences", token);
        using var profile = await SendAsync(HttpMethod.Get, "api/identity/users/profile", token);

        await JsonAsync(put, HttpStatusCode.Created);
        var prefs = await JsonAsync(get, HttpStatusCode.OK);
        Assert.True((bool)prefs["anonymousUsageStats"]!);
        Assert.Equal("org-1", (string?)prefs["selectedOrganizationId"]);
        Assert.Equal(4, (int)prefs["loadTestPrefs"]!["c"]!);
        Assert.Null(prefs["anonymous_usage_stats"]);
        Assert.Equal("org-1", (string?)(await JsonAsync(profile, HttpStatusCode.OK))["preferences"]!["selectedOrganizationId"]);
    }

    [Fact]
    public async Task A_stale_preferences_write_gets_412_and_loses_nothing()
    {
        var (_, token) = NewUser();
        using var first = await SendAsync(HttpMethod.Put, "user/preferences", token, rawJson: """{"anonymousPerfResults":true}""");
        var etag = Etag(first);

        using var winner = await SendAsync(HttpMethod.Put, "user/preferences", token, ifMatch: etag, rawJson: """{"anonymousPerfResults":false}""");
        using var loser = await SendAsync(HttpMethod.Put, "user/preferences", token, ifMatch: etag, rawJson: """{"anonymousPerfResults":true,"selectedOrganizationId":"lost"}""");
        using var read = await SendAsync(HttpMethod.Get, "user/preferences", token);

        await JsonAsync(winner, HttpStatusCode.Created);
        await ProblemAsync(loser, HttpStatusCode.PreconditionFailed);
        var prefs = await JsonAsync(read, HttpStatusCode.OK);
        Assert.False((bool)prefs["anonymousPerfResults"]!);
        Assert.Null(prefs["selectedOrganizationId"]);
    }
}

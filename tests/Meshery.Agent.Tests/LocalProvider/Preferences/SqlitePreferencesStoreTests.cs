using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Preferences;

namespace Meshery.Agent.Tests.LocalProvider.Preferences;

public sealed class SqlitePreferencesStoreTests : LocalProviderTest
{
    [Fact]
    public async Task A_user_without_saved_preferences_gets_an_empty_document_at_version_zero()
    {
        var stored = await Local.Preferences.GetAsync(Caller, Ct);

        Assert.Equal("\"0\"", stored.ETag);
        Assert.Null(stored.Value.AnonymousUsageStats);
        Assert.Null(stored.Value.MeshAdapters);
    }

    [Fact]
    public async Task Saved_preferences_read_back_with_unknown_members_and_a_new_etag_per_write()
    {
        var prefs = new UserPreferences
        {
            AnonymousUsageStats = true,
            SelectedOrganizationId = "org-1",
            LoadTestPrefs = new LoadTestPreferences { ConcurrentRequests = 4, Qps = 10, Duration = "30s", LoadGenerator = "fortio" },
            MeshAdapters = [new MeshAdapter { AdapterLocation = "localhost:10000", Name = "istio" }],
            Grafana = new JsonObject { ["grafanaURL"] = "http://grafana:3000" },
            Other = new() { ["somethingNew"] = System.Text.Json.JsonDocument.Parse("{\"a\":1}").RootElement.Clone() },
        };

        var first = await Local.Preferences.SaveAsync(Caller, prefs, null, Ct);
        var read = await Local.Preferences.GetAsync(Caller, Ct);
        var second = await Local.Preferences.SaveAsync(Caller, read.Value with { AnonymousUsageStats = false }, read.ETag, Ct);
        var final = await Local.Preferences.GetAsync(Caller, Ct);

        Assert.Equal("\"1\"", first.ETag);
        Assert.Equal(first.ETag, read.ETag);
        Assert.Equal("\"2\"", second.ETag);
        Assert.Equal(second.ETag, final.ETag);
        Assert.False(final.Value.AnonymousUsageStats);
        Assert.Equal("org-1", final.Value.SelectedOrganizationId);
        Assert.Equal("fortio", final.Value.LoadTestPrefs!.LoadGenerator);
        Assert.Equal(4, final.Value.LoadTestPrefs.ConcurrentRequests);
        Assert.Equal("localhost:10000", Assert.Single(final.Value.MeshAdapters!).AdapterLocation);
        Assert.Equal("http://grafana:3000", (string?)final.Value.Grafana!["grafanaURL"]);
        Assert.Equal(1, final.Value.Other!["somethingNew"].GetProperty("a").GetInt32());
        Assert.NotNull(final.Value.UpdatedAt);
    }

    [Fact]
    public async Task A_stale_etag_fails_with_precondition_failed_and_keeps_the_winner()
    {
        var start = await Local.Preferences.SaveAsync(Caller, new UserPreferences { SelectedOrganizationId = "start" }, null, Ct);

        await Local.Preferences.SaveAsync(Caller, new UserPreferences { SelectedOrganizationId = "winner" }, start.ETag, Ct);
        var ex = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Preferences.SaveAsync(Caller, new UserPreferences { SelectedOrganizationId = "loser" }, start.ETag, Ct));

        Assert.Equal(ProviderErrorKind.PreconditionFailed, ex.Kind);
        Assert.Equal("winner", (await Local.Preferences.GetAsync(Caller, Ct)).Value.SelectedOrganizationId);
    }

    [Fact]
    public async Task A_first_save_that_expects_an_existing_document_fails()
    {
        var ex = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Preferences.SaveAsync(Caller, new UserPreferences(), "\"3\"", Ct));

        Assert.Equal(ProviderErrorKind.PreconditionFailed, ex.Kind);
    }
}

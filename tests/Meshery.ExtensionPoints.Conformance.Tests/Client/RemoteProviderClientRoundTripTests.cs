using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Client;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Conformance.Tests.Support;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Workspaces;

namespace Meshery.ExtensionPoints.Conformance.Tests.Client;

/// <summary>Every capability through the client against the in-test provider over the Local stores.</summary>
[Collection(ProviderDoubleCollection.Name)]
public sealed class RemoteProviderClientRoundTripTests(ProviderDoubleFixture provider) : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly ProviderCaller _user = DoubleTokens.Caller(DoubleTokens.NewToken(), Guid.NewGuid());
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private RemoteProviderClient Client => field ??= new RemoteProviderClient(_http, new RemoteProviderOptions { BaseAddress = provider.BaseAddress });

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Preferences_save_read_and_refuse_a_stale_tag()
    {
        var first = await Client.Preferences.GetAsync(_user, _ct);
        var saved = await Client.Preferences.SaveAsync(_user, new UserPreferences { AnonymousPerfResults = true, SelectedOrganizationId = "org" }, first.ETag, _ct);
        var read = await Client.Preferences.GetAsync(_user, _ct);

        Assert.Equal(saved.ETag, read.ETag);
        Assert.True(read.Value.AnonymousPerfResults);
        Assert.Equal("org", read.Value.SelectedOrganizationId);
        var stale = await Assert.ThrowsAsync<ProviderException>(() => Client.Preferences.SaveAsync(_user, new UserPreferences(), first.ETag, _ct));
        Assert.Equal(ProviderErrorKind.PreconditionFailed, stale.Kind);
    }

    [Fact]
    public async Task Users_and_organizations_are_the_callers_own()
    {
        var me = await Client.Users.GetCurrentAsync(_user, _ct);
        Assert.Equal(_user.UserId, me.Id);
        Assert.Equal(me.Id, (await Client.Users.GetAsync(_user, me.Id, _ct))?.Id);
        Assert.Null(await Client.Users.GetAsync(_user, Guid.NewGuid(), _ct));

        var organizations = await Client.Organizations.ListAsync(_user, new PageRequest(), _ct);
        var organization = Assert.Single(organizations.Organizations);
        Assert.Equal(organization, await Client.Organizations.GetAsync(_user, organization.Id, _ct));
        Assert.Null(await Client.Organizations.GetAsync(_user, Guid.NewGuid(), _ct));
    }

    [Fact]
    public async Task Environments_round_trip_with_their_connections()
    {
        var created = await Client.Environments.CreateAsync(_user, new EnvironmentPayload { Name = "staging", Description = "d" }, _ct);
        var updated = await Client.Environments.UpdateAsync(_user, created.Value.Id, new EnvironmentPayload { Name = "prod" }, created.ETag, _ct);
        var read = await Client.Environments.GetAsync(_user, created.Value.Id, _ct);
        var list = await Client.Environments.ListAsync(_user, new PageRequest { Search = "prod" }, null, _ct);
        var connection = await Client.Connections.SaveAsync(_user, new ConnectionPayload { Name = "cluster", Kind = "kubernetes" }, _ct);
        await Client.Environments.AddConnectionAsync(_user, created.Value.Id, connection.Value.Id, _ct);
        var mapped = await Client.Environments.ListConnectionsAsync(_user, created.Value.Id, new PageRequest(), _ct);
        var removed = await Client.Environments.RemoveConnectionAsync(_user, created.Value.Id, connection.Value.Id, _ct);
        var missing = await Assert.ThrowsAsync<ProviderException>(() => Client.Environments.AddConnectionAsync(_user, created.Value.Id, Guid.NewGuid(), _ct));

        Assert.Equal("prod", read!.Value.Name);
        Assert.Equal(updated.ETag, read.ETag);
        Assert.Equal(created.Value.Id, Assert.Single(list.Environments).Id);
        Assert.Equal(connection.Value.Id, Assert.Single(mapped.Connections).Id);
        Assert.True(removed);
        Assert.Equal(ProviderErrorKind.NotFound, missing.Kind);
        Assert.True(await Client.Environments.DeleteAsync(_user, created.Value.Id, _ct));
        Assert.False(await Client.Environments.DeleteAsync(_user, created.Value.Id, _ct));
    }

    [Fact]
    public async Task Workspaces_round_trip()
    {
        var created = await Client.Workspaces.CreateAsync(_user, new WorkspacePayload { Name = "team" }, _ct);
        await Client.Workspaces.UpdateAsync(_user, created.Value.Id, new WorkspacePayload { Description = "ours" }, null, _ct);

        Assert.Equal("ours", (await Client.Workspaces.GetAsync(_user, created.Value.Id, _ct))!.Value.Description);
        Assert.Equal(1, (await Client.Workspaces.ListAsync(_user, new PageRequest(), null, _ct)).TotalCount);
        Assert.True(await Client.Workspaces.DeleteAsync(_user, created.Value.Id, _ct));
        Assert.Null(await Client.Workspaces.GetAsync(_user, created.Value.Id, _ct));
    }

    [Fact]
    public async Task Connections_round_trip_with_filters_and_a_deleted_status()
    {
        var secret = new JsonObject { ["token"] = "kube" };
        var saved = await Client.Connections.SaveAsync(
            _user, new ConnectionPayload { Name = "c1", Kind = "kubernetes", Type = "platform", Status = ConnectionStatuses.Discovered, CredentialSecret = secret }, _ct);
        await Client.Connections.SaveAsync(_user, new ConnectionPayload { Name = "c2", Kind = "prometheus" }, _ct);
        var connected = await Client.Connections.UpdateAsync(_user, saved.Value.Id, new ConnectionPayload { Status = ConnectionStatuses.Connected }, null, _ct);
        var filtered = await Client.Connections.ListAsync(_user, new ConnectionQuery { Kinds = ["kubernetes"], Statuses = [ConnectionStatuses.Connected] }, _ct);
        var deleted = await Client.Connections.DeleteAsync(_user, saved.Value.Id, _ct);

        Assert.NotNull(saved.Value.CredentialId);
        Assert.Equal(ConnectionStatuses.Connected, connected.Value.Status);
        Assert.Equal(saved.Value.Id, Assert.Single(filtered.Connections).Id);
        Assert.Equal(ConnectionStatuses.Deleted, deleted!.Status);
        Assert.Null(await Client.Connections.GetAsync(_user, saved.Value.Id, _ct));
    }

    [Fact]
    public async Task Credentials_round_trip_and_keep_secrets_out_of_lists()
    {
        var created = await Client.Credentials.CreateAsync(_user, new CredentialPayload { Name = "key", Type = "token", Secret = new JsonObject { ["k"] = "v" } }, _ct);
        var updated = await Client.Credentials.UpdateAsync(_user, created.Value.Id, new CredentialPayload { Name = "key2" }, created.ETag, _ct);
        var read = await Client.Credentials.GetAsync(_user, created.Value.Id, _ct);
        var list = await Client.Credentials.ListAsync(_user, new PageRequest(), _ct);

        Assert.Equal("key2", updated.Value.Name);
        Assert.Equal("v", read!.Value.Secret!["k"]!.GetValue<string>());
        Assert.Null(Assert.Single(list.Credentials).Secret);
        Assert.True(await Client.Credentials.DeleteAsync(_user, created.Value.Id, _ct));
        Assert.False(await Client.Credentials.DeleteAsync(_user, created.Value.Id, _ct));
    }

    [Fact]
    public async Task Performance_profiles_and_results_round_trip()
    {
        var profile = await Client.PerformanceProfiles.SaveAsync(
            _user, new PerformanceProfile { Name = "load", Endpoints = ["https://example.com/"], Qps = 5 }, null, _ct);
        var renamed = await Client.PerformanceProfiles.SaveAsync(_user, profile.Value with { Name = "load2" }, profile.ETag, _ct);
        var resultId = await Client.PerformanceResults.CreateAsync(_user, profile.Value.Id, new PerformanceResult { Name = "run 1" }, _ct);
        await Client.PerformanceResults.SaveMetricsAsync(_user, new PerformanceResult { MesheryId = resultId, ServerMetrics = new JsonObject { ["cpu"] = 1 } }, _ct);
        var result = await Client.PerformanceResults.GetAsync(_user, resultId, _ct);
        var all = await Client.PerformanceResults.ListAsync(_user, new PerformanceResultQuery(), _ct);
        var mine = await Client.PerformanceResults.ListAsync(_user, new PerformanceResultQuery { ProfileId = profile.Value.Id }, _ct);
        var counted = await Client.PerformanceProfiles.GetAsync(_user, profile.Value.Id, _ct);

        Assert.Equal("load2", renamed.Value.Name);
        Assert.Equal(1, counted!.Value.TotalResults);
        Assert.Equal(profile.Value.Id, result!.PerformanceProfile);
        Assert.NotNull(result.ServerMetrics);
        Assert.Equal(resultId, Assert.Single(all.Results).MesheryId);
        Assert.Equal(resultId, Assert.Single(mine.Results).MesheryId);
        Assert.Equal(1, (await Client.PerformanceProfiles.ListAsync(_user, new PageRequest(), _ct)).TotalCount);
        Assert.True(await Client.PerformanceProfiles.DeleteAsync(_user, profile.Value.Id, _ct));
        Assert.Null(await Client.PerformanceResults.GetAsync(_user, resultId, _ct));
    }

    [Fact]
    public async Task Designs_round_trip()
    {
        var saved = await Client.Designs.SaveAsync(_user, new Design { Name = "app", PatternFile = "name: app\n", Visibility = DesignVisibilities.Public }, null, _ct);
        var replaced = await Client.Designs.SaveAsync(_user, saved.Value with { PatternFile = "name: app2\n" }, saved.ETag, _ct);
        var stale = await Assert.ThrowsAsync<ProviderException>(() => Client.Designs.SaveAsync(_user, saved.Value, saved.ETag, _ct));
        var list = await Client.Designs.ListAsync(_user, new DesignQuery { Visibility = [DesignVisibilities.Public] }, _ct);

        Assert.Equal(saved.Value.Id, replaced.Value.Id);
        Assert.Equal("name: app2\n", (await Client.Designs.GetAsync(_user, saved.Value.Id, _ct))!.Value.PatternFile);
        Assert.Equal(ProviderErrorKind.PreconditionFailed, stale.Kind);
        Assert.Equal(saved.Value.Id, Assert.Single(list.Patterns).Id);
        Assert.True(await Client.Designs.DeleteAsync(_user, saved.Value.Id, _ct));
    }

    [Fact]
    public async Task Events_round_trip_through_the_fixed_paths()
    {
        var first = await Client.Events.CreateAsync(_user, new MesheryEvent { Id = Guid.NewGuid(), Category = "c", Action = "a", Severity = EventSeverities.Error }, _ct);
        var second = await Client.Events.CreateAsync(_user, new MesheryEvent { Id = Guid.NewGuid(), Category = "c", Action = "b" }, _ct);
        var errors = await Client.Events.ListAsync(_user, new EventQuery { Severity = [EventSeverities.Error] }, _ct);
        var types = await Client.Events.ListTypesAsync(_user, _ct);
        var one = await Client.Events.UpdateStatusAsync(_user, [first.Id], EventStatuses.Read, _ct);
        var both = await Client.Events.UpdateStatusAsync(_user, [first.Id, second.Id, Guid.NewGuid()], EventStatuses.Read, _ct);
        var read = await Client.Events.ListAsync(_user, new EventQuery { Status = EventStatuses.Read }, _ct);

        Assert.Equal(_user.SystemId, first.SystemId);
        Assert.Equal(first.Id, Assert.Single(errors.Data).Id);
        Assert.Equal([new EventType("c", "a"), new EventType("c", "b")], types);
        Assert.Equal((1, 2), (one, both));
        Assert.Equal(2, read.ReadCount);
        Assert.Equal(1, await Client.Events.DeleteAsync(_user, [first.Id], _ct));
        Assert.Equal(1, await Client.Events.DeleteAsync(_user, [first.Id, second.Id], _ct));
        Assert.Equal(ProviderErrorKind.Unavailable, (await Assert.ThrowsAsync<ProviderException>(() => Client.Events.GetAsync(_user, second.Id, _ct))).Kind);
    }

    [Fact]
    public async Task Provider_refusals_arrive_as_provider_errors_with_their_detail()
    {
        var invalid = await Assert.ThrowsAsync<ProviderException>(() => Client.Environments.CreateAsync(_user, new EnvironmentPayload { Name = " " }, _ct));
        var unauthorized = await Assert.ThrowsAsync<ProviderException>(() =>
            Client.Environments.ListAsync(_user with { Token = "nobody" }, new PageRequest(), null, _ct));

        Assert.Equal(ProviderErrorKind.Invalid, invalid.Kind);
        Assert.EndsWith("'name' is required.", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(ProviderErrorKind.Unauthorized, unauthorized.Kind);
    }
}

using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Workspaces;

namespace Meshery.Agent.Tests.LocalProvider.Storage;

/// <summary>Caller B shares the file with caller A but can neither see, change nor delete A's rows.</summary>
public sealed class TenantIsolationTests : LocalProviderTest
{
    private readonly ProviderCaller _other = new(Guid.NewGuid());

    [Fact]
    public async Task Environments_and_their_connections_stay_with_their_owner()
    {
        var environment = await Local.Environments.CreateAsync(Caller, new EnvironmentPayload { Name = "a-env" }, Ct);
        var connection = await Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "kubernetes" }, Ct);
        await Local.Environments.AddConnectionAsync(Caller, environment.Value.Id, connection.Value.Id, Ct);
        var otherEnvironment = await Local.Environments.CreateAsync(_other, new EnvironmentPayload { Name = "b-env" }, Ct);

        Assert.Null(await Local.Environments.GetAsync(_other, environment.Value.Id, Ct));
        Assert.Equal("b-env", Assert.Single((await Local.Environments.ListAsync(_other, new PageRequest(), null, Ct)).Environments).Name);
        await AssertNotFound(() => Local.Environments.UpdateAsync(_other, environment.Value.Id, new EnvironmentPayload { Name = "stolen" }, null, Ct));
        Assert.False(await Local.Environments.DeleteAsync(_other, environment.Value.Id, Ct));
        await AssertNotFound(() => Local.Environments.ListConnectionsAsync(_other, environment.Value.Id, new PageRequest(), Ct));
        await AssertNotFound(() => Local.Environments.AddConnectionAsync(_other, otherEnvironment.Value.Id, connection.Value.Id, Ct));
        await AssertNotFound(() => Local.Environments.AddConnectionAsync(_other, environment.Value.Id, connection.Value.Id, Ct));
        Assert.False(await Local.Environments.RemoveConnectionAsync(_other, environment.Value.Id, connection.Value.Id, Ct));

        var intact = await Local.Environments.GetAsync(Caller, environment.Value.Id, Ct);
        Assert.Equal("a-env", intact!.Value.Name);
        Assert.Equal("\"1\"", intact.ETag);
        Assert.Single((await Local.Environments.ListConnectionsAsync(Caller, environment.Value.Id, new PageRequest(), Ct)).Connections);
    }

    [Fact]
    public async Task Connections_and_credentials_stay_with_their_owner()
    {
        var connection = await Local.Connections.SaveAsync(
            Caller, new ConnectionPayload { Kind = "kubernetes", CredentialSecret = new JsonObject { ["token"] = "a-secret" } }, Ct);
        var credentialId = connection.Value.CredentialId!.Value;

        Assert.Null(await Local.Connections.GetAsync(_other, connection.Value.Id, Ct));
        Assert.Equal(0, (await Local.Connections.ListAsync(_other, new ConnectionQuery(), Ct)).TotalCount);
        Assert.Empty((await Local.Connections.ListAsync(_other, new ConnectionQuery(), Ct)).StatusSummary!);
        await AssertNotFound(() => Local.Connections.UpdateAsync(_other, connection.Value.Id, new ConnectionPayload { Name = "x" }, null, Ct));
        Assert.Null(await Local.Connections.DeleteAsync(_other, connection.Value.Id, Ct));
        var hijack = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Connections.SaveAsync(_other, new ConnectionPayload { Id = connection.Value.Id, Kind = "kubernetes", Name = "hijacked" }, Ct));
        Assert.Equal(ProviderErrorKind.Conflict, hijack.Kind);

        Assert.Null(await Local.Credentials.GetAsync(_other, credentialId, Ct));
        Assert.Equal(0, (await Local.Credentials.ListAsync(_other, new PageRequest(), Ct)).TotalCount);
        await AssertNotFound(() => Local.Credentials.UpdateAsync(_other, credentialId, new CredentialPayload { Secret = new JsonObject { ["token"] = "b" } }, null, Ct));
        Assert.False(await Local.Credentials.DeleteAsync(_other, credentialId, Ct));

        Assert.Equal("kubernetes", (await Local.Connections.GetAsync(Caller, connection.Value.Id, Ct))!.Value.Name);
        Assert.Equal("a-secret", (string?)(await Local.Credentials.GetAsync(Caller, credentialId, Ct))!.Value.Secret!["token"]);
    }

    [Fact]
    public async Task Workspaces_preferences_and_designs_stay_with_their_owner()
    {
        var workspace = await Local.Workspaces.CreateAsync(Caller, new WorkspacePayload { Name = "ws" }, Ct);
        await Local.Preferences.SaveAsync(Caller, new UserPreferences { SelectedOrganizationId = "a-org" }, null, Ct);
        var design = await Local.Designs.SaveAsync(Caller, new Design { Name = "d", PatternFile = "a" }, null, Ct);

        Assert.Null(await Local.Workspaces.GetAsync(_other, workspace.Value.Id, Ct));
        Assert.Equal(0, (await Local.Workspaces.ListAsync(_other, new PageRequest(), null, Ct)).TotalCount);
        await AssertNotFound(() => Local.Workspaces.UpdateAsync(_other, workspace.Value.Id, new WorkspacePayload { Name = "x" }, null, Ct));
        Assert.False(await Local.Workspaces.DeleteAsync(_other, workspace.Value.Id, Ct));

        Assert.Null((await Local.Preferences.GetAsync(_other, Ct)).Value.SelectedOrganizationId);

        Assert.Null(await Local.Designs.GetAsync(_other, design.Value.Id, Ct));
        Assert.Equal(0, (await Local.Designs.ListAsync(_other, new DesignQuery(), Ct)).TotalCount);
        Assert.False(await Local.Designs.DeleteAsync(_other, design.Value.Id, Ct));
        var overwrite = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Designs.SaveAsync(_other, design.Value with { PatternFile = "b" }, null, Ct));
        Assert.Equal(ProviderErrorKind.Conflict, overwrite.Kind);

        Assert.Equal("ws", (await Local.Workspaces.GetAsync(Caller, workspace.Value.Id, Ct))!.Value.Name);
        Assert.Equal("a-org", (await Local.Preferences.GetAsync(Caller, Ct)).Value.SelectedOrganizationId);
        Assert.Equal("a", (await Local.Designs.GetAsync(Caller, design.Value.Id, Ct))!.Value.PatternFile);
    }

    [Fact]
    public async Task Performance_profiles_results_and_events_stay_with_their_owner()
    {
        var profile = await Local.Profiles.SaveAsync(Caller, new PerformanceProfile { Name = "p" }, null, Ct);
        var result = await Local.Results.CreateAsync(Caller, profile.Value.Id, new PerformanceResult { Name = "r" }, Ct);
        var created = await Local.Events.CreateAsync(Caller, new MesheryEvent { Category = "c", Action = "a" }, Ct);

        Assert.Null(await Local.Profiles.GetAsync(_other, profile.Value.Id, Ct));
        Assert.Equal(0, (await Local.Profiles.ListAsync(_other, new PageRequest(), Ct)).TotalCount);
        Assert.False(await Local.Profiles.DeleteAsync(_other, profile.Value.Id, Ct));
        await AssertNotFound(() => Local.Results.CreateAsync(_other, profile.Value.Id, new PerformanceResult(), Ct));
        Assert.Null(await Local.Results.GetAsync(_other, result, Ct));
        Assert.Equal(0, (await Local.Results.ListAsync(_other, new PerformanceResultQuery(), Ct)).TotalCount);
        await AssertNotFound(() => Local.Results.SaveMetricsAsync(_other, new PerformanceResult { MesheryId = result }, Ct));

        Assert.Null(await Local.Events.GetAsync(_other, created.Id, Ct));
        Assert.Equal(0, (await Local.Events.ListAsync(_other, new EventQuery(), Ct)).TotalCount);
        Assert.Empty(await Local.Events.ListTypesAsync(_other, Ct));
        Assert.Equal(0, await Local.Events.UpdateStatusAsync(_other, [created.Id], EventStatuses.Read, Ct));
        Assert.Equal(0, await Local.Events.DeleteAsync(_other, [created.Id], Ct));

        Assert.Equal(1, (await Local.Profiles.GetAsync(Caller, profile.Value.Id, Ct))!.Value.TotalResults);
        Assert.Equal(EventStatuses.Unread, (await Local.Events.GetAsync(Caller, created.Id, Ct))!.Status);
    }

    private static async Task AssertNotFound(Func<Task> action)
    {
        var ex = await Assert.ThrowsAsync<ProviderException>(action);
        Assert.Equal(ProviderErrorKind.NotFound, ex.Kind);
    }
}

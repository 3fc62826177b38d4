using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Workspaces;

namespace Meshery.Agent.Tests.LocalProvider.Workspaces;

public sealed class SqliteWorkspaceStoreTests : LocalProviderTest
{
    [Fact]
    public async Task Create_get_update_delete_round_trip()
    {
        var created = await Local.Workspaces.CreateAsync(Caller, new WorkspacePayload { Name = "team-a", Description = "first" }, Ct);
        var read = await Local.Workspaces.GetAsync(Caller, created.Value.Id, Ct);
        var updated = await Local.Workspaces.UpdateAsync(Caller, created.Value.Id, new WorkspacePayload { Name = "team-b" }, read!.ETag, Ct);
        var listed = await Local.Workspaces.ListAsync(Caller, new PageRequest(), null, Ct);

        Assert.Equal("team-a", created.Value.Name);
        Assert.Equal(LocalUser.OrganizationId, created.Value.OrganizationId);
        Assert.Equal(Caller.UserId, created.Value.Owner);
        JsonAssert.Same(created.Value, read.Value);
        Assert.Equal("team-b", updated.Value.Name);
        Assert.Equal("first", updated.Value.Description);
        Assert.Equal("\"2\"", updated.ETag);
        JsonAssert.Same(updated.Value, Assert.Single(listed.Workspaces));

        Assert.True(await Local.Workspaces.DeleteAsync(Caller, created.Value.Id, Ct));
        Assert.Null(await Local.Workspaces.GetAsync(Caller, created.Value.Id, Ct));
        Assert.False(await Local.Workspaces.DeleteAsync(Caller, created.Value.Id, Ct));
    }

    [Fact]
    public async Task A_stale_etag_is_refused()
    {
        var created = await Local.Workspaces.CreateAsync(Caller, new WorkspacePayload { Name = "ws" }, Ct);
        await Local.Workspaces.UpdateAsync(Caller, created.Value.Id, new WorkspacePayload { Description = "one" }, created.ETag, Ct);

        var ex = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Workspaces.UpdateAsync(Caller, created.Value.Id, new WorkspacePayload { Description = "two" }, created.ETag, Ct));

        Assert.Equal(ProviderErrorKind.PreconditionFailed, ex.Kind);
        Assert.Equal("one", (await Local.Workspaces.GetAsync(Caller, created.Value.Id, Ct))!.Value.Description);
    }

    [Fact]
    public async Task A_list_filters_by_organization_and_searches()
    {
        var org = Guid.NewGuid();
        await Local.Workspaces.CreateAsync(Caller, new WorkspacePayload { Name = "alpha", OrganizationId = org }, Ct);
        await Local.Workspaces.CreateAsync(Caller, new WorkspacePayload { Name = "beta", OrganizationId = org }, Ct);
        await Local.Workspaces.CreateAsync(Caller, new WorkspacePayload { Name = "alphabet" }, Ct);

        var inOrg = await Local.Workspaces.ListAsync(Caller, new PageRequest { Order = "name desc" }, org, Ct);
        var search = await Local.Workspaces.ListAsync(Caller, new PageRequest { Search = "alpha", Order = "name" }, null, Ct);

        Assert.Equal(["beta", "alpha"], inOrg.Workspaces.Select(w => w.Name));
        Assert.Equal(["alpha", "alphabet"], search.Workspaces.Select(w => w.Name));
    }

    [Fact]
    public async Task A_blank_name_is_invalid()
    {
        var ex = await Assert.ThrowsAsync<ProviderException>(() => Local.Workspaces.CreateAsync(Caller, new WorkspacePayload { Name = "" }, Ct));

        Assert.Equal(ProviderErrorKind.Invalid, ex.Kind);
    }
}

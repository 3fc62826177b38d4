using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Workspaces;
using Meshery.Provider.Storage.Organizations;
using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage.Workspaces;

public sealed class TableWorkspaceStoreTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    [Fact]
    public async Task CreateGetUpdateListDelete()
    {
        var store = Store<IWorkspaceStore>();
        var caller = StorageHarness.NewCaller();

        var created = await store.CreateAsync(caller, new WorkspacePayload { Name = "team", Description = "ours" }, Ct);
        var updated = await store.UpdateAsync(caller, created.Value.Id, new WorkspacePayload { Name = "team-a" }, null, Ct);
        var listed = await store.ListAsync(caller, new PageRequest(), PersonalOrganization.IdFor(caller.UserId), Ct);
        var otherOrg = await store.ListAsync(caller, new PageRequest(), Guid.NewGuid(), Ct);

        Assert.Equal(PersonalOrganization.IdFor(caller.UserId), created.Value.OrganizationId);
        Assert.Equal("team-a", updated.Value.Name);
        Assert.Equal("ours", updated.Value.Description);
        JsonAssert.Equal(updated.Value, Assert.Single(listed.Workspaces));
        Assert.Equal(0, otherOrg.TotalCount);
        Assert.True(await store.DeleteAsync(caller, created.Value.Id, Ct));
        Assert.Null(await store.GetAsync(caller, created.Value.Id, Ct));
    }

    [Fact]
    public async Task StaleIfMatchFailsThePrecondition()
    {
        var store = Store<IWorkspaceStore>();
        var caller = StorageHarness.NewCaller();
        var created = await store.CreateAsync(caller, new WorkspacePayload { Name = "team" }, Ct);
        await store.UpdateAsync(caller, created.Value.Id, new WorkspacePayload { Description = "x" }, null, Ct);

        var error = await Assert.ThrowsAsync<ProviderException>(() => store.UpdateAsync(caller, created.Value.Id, new WorkspacePayload(), created.ETag, Ct));

        Assert.Equal(ProviderErrorKind.PreconditionFailed, error.Kind);
    }
}

using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Organizations;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Workspaces;
using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage;

/// <summary>User B gets nothing of user A's through any store, by id or in lists (searched and sorted ones included).</summary>
public sealed class TenantIsolationTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    [Fact]
    public async Task NoStoreLeaksAnotherUsersData()
    {
        var a = StorageHarness.NewCaller();
        var b = StorageHarness.NewCaller();
        var env = (await Store<IEnvironmentStore>().CreateAsync(a, new EnvironmentPayload { Name = "shared-name" }, Ct)).Value.Id;
        var ws = (await Store<IWorkspaceStore>().CreateAsync(a, new WorkspacePayload { Name = "shared-name" }, Ct)).Value.Id;
        var conn = (await Store<IConnectionStore>().SaveAsync(a, new ConnectionPayload { Kind = "kubernetes", Name = "shared-name" }, Ct)).Value.Id;
        var cred = (await Store<ICredentialStore>().CreateAsync(a, new CredentialPayload { Name = "shared-name" }, Ct)).Value.Id;
        var profile = (await Store<IPerformanceProfileStore>().SaveAsync(a, new PerformanceProfile { Name = "shared-name" }, null, Ct)).Value.Id;
        var design = (await Store<IDesignStore>().SaveAsync(a, new Design { Name = "shared-name" }, null, Ct)).Value.Id;
        var evt = (await Store<IEventStore>().CreateAsync(a, new MesheryEvent { Description = "shared-name" }, Ct)).Id;
        await Store<IEnvironmentStore>().AddConnectionAsync(a, env, conn, Ct);
        var orgA = (await Store<IOrganizationStore>().ListAsync(a, new PageRequest(), Ct)).Organizations[0].Id;

        var lists = new[] { new PageRequest(), new PageRequest { Search = "shared", Order = "name asc" } };
        foreach (var page in lists)
        {
            Assert.Empty((await Store<IEnvironmentStore>().ListAsync(b, page, null, Ct)).Environments);
            Assert.Empty((await Store<IWorkspaceStore>().ListAsync(b, page, null, Ct)).Workspaces);
            Assert.Empty((await Store<IConnectionStore>().ListAsync(b, new ConnectionQuery { Page = page }, Ct)).Connections);
            Assert.Empty((await Store<ICredentialStore>().ListAsync(b, page, Ct)).Credentials);
            Assert.Empty((await Store<IPerformanceProfileStore>().ListAsync(b, page, Ct)).Profiles);
            Assert.Empty((await Store<IDesignStore>().ListAsync(b, new DesignQuery { Page = page }, Ct)).Patterns);
            Assert.Empty((await Store<IEventStore>().ListAsync(b, new EventQuery { Page = page with { Order = null } }, Ct)).Data);
            Assert.DoesNotContain(orgA, (await Store<IOrganizationStore>().ListAsync(b, page, Ct)).Organizations.Select(o => o.Id));
        }

        Assert.Null(await Store<IEnvironmentStore>().GetAsync(b, env, Ct));
        Assert.Null(await Store<IWorkspaceStore>().GetAsync(b, ws, Ct));
        Assert.Null(await Store<IConnectionStore>().GetAsync(b, conn, Ct));
        Assert.Null(await Store<ICredentialStore>().GetAsync(b, cred, Ct));
        Assert.Null(await Store<IPerformanceProfileStore>().GetAsync(b, profile, Ct));
        Assert.Null(await Store<IDesignStore>().GetAsync(b, design, Ct));
        Assert.Null(await Store<IEventStore>().GetAsync(b, evt, Ct));
        Assert.Null(await Store<IOrganizationStore>().GetAsync(b, orgA, Ct));
        await AssertNotFoundAsync(() => Store<IEnvironmentStore>().ListConnectionsAsync(b, env, new PageRequest(), Ct));
        await AssertNotFoundAsync(() => Store<IEnvironmentStore>().AddConnectionAsync(b, env, conn, Ct));
        await AssertNotFoundAsync(() => Store<IEnvironmentStore>().UpdateAsync(b, env, new EnvironmentPayload { Name = "x" }, null, Ct));
        await AssertNotFoundAsync(() => Store<IConnectionStore>().UpdateAsync(b, conn, new ConnectionPayload(), null, Ct));
        Assert.False(await Store<IEnvironmentStore>().RemoveConnectionAsync(b, env, conn, Ct));
        Assert.False(await Store<IEnvironmentStore>().DeleteAsync(b, env, Ct));
        Assert.Null(await Store<IConnectionStore>().DeleteAsync(b, conn, Ct));
        Assert.False(await Store<IDesignStore>().DeleteAsync(b, design, Ct));

        // Saving with A's ids as B creates B's own entities; A's stay as they were.
        var bDesign = await Store<IDesignStore>().SaveAsync(b, new Design { Id = design, Name = "b's" }, null, Ct);
        Assert.Equal(b.UserId, bDesign.Value.UserId);
        Assert.Equal("shared-name", (await Store<IDesignStore>().GetAsync(a, design, Ct))!.Value.Name);
        Assert.Single((await Store<IEnvironmentStore>().ListConnectionsAsync(a, env, new PageRequest(), Ct)).Connections);
    }

    private static async Task AssertNotFoundAsync(Func<Task> action) =>
        Assert.Equal(ProviderErrorKind.NotFound, (await Assert.ThrowsAsync<ProviderException>(action)).Kind);

}

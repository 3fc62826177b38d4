using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.Provider.Storage.Environments;
using Meshery.Provider.Storage.Organizations;
using Meshery.Provider.Storage.Tables;
using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage.Environments;

public sealed class TableEnvironmentStoreTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    [Fact]
    public async Task CreateGetUpdateDelete()
    {
        var store = Store<IEnvironmentStore>();
        var caller = StorageHarness.NewCaller();

        var created = await store.CreateAsync(caller, new EnvironmentPayload { Name = "  staging ", Description = "pre-prod", Metadata = new JsonObject { ["tier"] = 2 } }, Ct);
        var read = await store.GetAsync(caller, created.Value.Id, Ct);
        var updated = await store.UpdateAsync(caller, created.Value.Id, new EnvironmentPayload { Description = "pre-production" }, created.ETag, Ct);
        var deleted = await store.DeleteAsync(caller, created.Value.Id, Ct);

        Assert.Equal("staging", created.Value.Name);
        Assert.Equal(PersonalOrganization.IdFor(caller.UserId), created.Value.OrganizationId);
        Assert.Equal(caller.UserId, created.Value.Owner);
        Assert.Equal(created.Value.CreatedAt, created.Value.UpdatedAt);
        JsonAssert.Equal(created.Value, read!.Value);
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal("staging", updated.Value.Name);
        Assert.Equal("pre-production", updated.Value.Description);
        Assert.Equal(2, updated.Value.Metadata!["tier"]!.GetValue<int>());
        Assert.True(deleted);
        Assert.Null(await store.GetAsync(caller, created.Value.Id, Ct));
        Assert.False(await store.DeleteAsync(caller, created.Value.Id, Ct));
    }

    [Fact]
    public async Task ValidationMatchesTheContract()
    {
        var store = Store<IEnvironmentStore>();
        var caller = StorageHarness.NewCaller();

        var blank = await Assert.ThrowsAsync<ProviderException>(() => store.CreateAsync(caller, new EnvironmentPayload { Name = " " }, Ct));
        var longName = await Assert.ThrowsAsync<ProviderException>(() => store.CreateAsync(caller, new EnvironmentPayload { Name = new string('n', 101) }, Ct));
        var missing = await Assert.ThrowsAsync<ProviderException>(() => store.UpdateAsync(caller, Guid.NewGuid(), new EnvironmentPayload(), null, Ct));

        Assert.Equal(ProviderErrorKind.Invalid, blank.Kind);
        Assert.Equal(ProviderErrorKind.Invalid, longName.Kind);
        Assert.Equal(ProviderErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task StaleIfMatchFailsThePrecondition()
    {
        var store = Store<IEnvironmentStore>();
        var caller = StorageHarness.NewCaller();
        var created = await store.CreateAsync(caller, new EnvironmentPayload { Name = "a" }, Ct);
        await store.UpdateAsync(caller, created.Value.Id, new EnvironmentPayload { Name = "b" }, created.ETag, Ct);

        var error = await Assert.ThrowsAsync<ProviderException>(() => store.UpdateAsync(caller, created.Value.Id, new EnvironmentPayload { Name = "c" }, created.ETag, Ct));

        Assert.Equal(ProviderErrorKind.PreconditionFailed, error.Kind);
        Assert.Equal("b", (await store.GetAsync(caller, created.Value.Id, Ct))!.Value.Name);
    }

    [Fact]
    public async Task ListFiltersByOrganizationSortsAndSearches()
    {
        var store = Store<IEnvironmentStore>();
        var caller = StorageHarness.NewCaller();
        var org = Guid.NewGuid();
        foreach (var name in new[] { "charlie", "alpha", "bravo" })
        {
            await store.CreateAsync(caller, new EnvironmentPayload { Name = name, OrganizationId = org }, Ct);
        }

        await store.CreateAsync(caller, new EnvironmentPayload { Name = "elsewhere", Description = "ALPHA site" }, Ct);

        var inOrg = await store.ListAsync(caller, new PageRequest { Order = "name asc" }, org, Ct);
        var byName = await store.ListAsync(caller, new PageRequest { Order = "name desc", PageSize = 2, Page = 1 }, null, Ct);
        var searched = await store.ListAsync(caller, new PageRequest { Search = "alpha" }, null, Ct);

        Assert.Equal(["alpha", "bravo", "charlie"], inOrg.Environments.Select(e => e.Name));
        Assert.Equal(3, inOrg.TotalCount);
        Assert.Equal(["bravo", "alpha"], byName.Environments.Select(e => e.Name));
        Assert.Equal(4, byName.TotalCount);
        Assert.Equal(["alpha", "elsewhere"], searched.Environments.Select(e => e.Name).Order());
    }

    [Fact]
    public async Task ConnectionsMapIntoEnvironmentsAndCascadeOnDeleteOfEitherSide()
    {
        var environments = Store<IEnvironmentStore>();
        var connections = Store<IConnectionStore>();
        var caller = StorageHarness.NewCaller();
        var prod = (await environments.CreateAsync(caller, new EnvironmentPayload { Name = "prod" }, Ct)).Value.Id;
        var dev = (await environments.CreateAsync(caller, new EnvironmentPayload { Name = "dev" }, Ct)).Value.Id;
        var a = (await connections.SaveAsync(caller, new ConnectionPayload { Kind = "kubernetes", Name = "a" }, Ct)).Value.Id;
        var b = (await connections.SaveAsync(caller, new ConnectionPayload { Kind = "prometheus", Name = "b" }, Ct)).Value.Id;

        await environments.AddConnectionAsync(caller, prod, a, Ct);
        await environments.AddConnectionAsync(caller, prod, a, Ct);
        await environments.AddConnectionAsync(caller, prod, b, Ct);
        await environments.AddConnectionAsync(caller, dev, a, Ct);
        var inProd = await environments.ListConnectionsAsync(caller, prod, new PageRequest { Order = "name asc" }, Ct);

        Assert.Equal(["a", "b"], inProd.Connections.Select(c => c.Name));
        Assert.Equal(2, inProd.TotalCount);

        Assert.True(await environments.RemoveConnectionAsync(caller, prod, b, Ct));
        Assert.False(await environments.RemoveConnectionAsync(caller, prod, b, Ct));
        Assert.Equal(["a"], (await environments.ListConnectionsAsync(caller, prod, new PageRequest(), Ct)).Connections.Select(c => c.Name));

        await connections.DeleteAsync(caller, a, Ct);
        Assert.Equal(0, (await environments.ListConnectionsAsync(caller, dev, new PageRequest(), Ct)).TotalCount);
        Assert.Empty(await Store<EnvironmentConnectionMap>().EnvironmentsOfAsync(TableKeys.Tenant(caller.UserId), a, 100, Ct));

        await environments.AddConnectionAsync(caller, dev, b, Ct);
        await environments.DeleteAsync(caller, dev, Ct);
        Assert.Empty(await Store<EnvironmentConnectionMap>().EnvironmentsOfAsync(TableKeys.Tenant(caller.UserId), b, 100, Ct));
    }

    [Fact]
    public async Task MappingUnknownIdsIsNotFound()
    {
        var environments = Store<IEnvironmentStore>();
        var caller = StorageHarness.NewCaller();
        var env = (await environments.CreateAsync(caller, new EnvironmentPayload { Name = "prod" }, Ct)).Value.Id;
        var connection = (await Store<IConnectionStore>().SaveAsync(caller, new ConnectionPayload { Kind = "kubernetes" }, Ct)).Value.Id;

        var noConnection = await Assert.ThrowsAsync<ProviderException>(() => environments.AddConnectionAsync(caller, env, Guid.NewGuid(), Ct));
        var noEnvironment = await Assert.ThrowsAsync<ProviderException>(() => environments.AddConnectionAsync(caller, Guid.NewGuid(), connection, Ct));
        var noList = await Assert.ThrowsAsync<ProviderException>(() => environments.ListConnectionsAsync(caller, Guid.NewGuid(), new PageRequest(), Ct));

        Assert.All([noConnection, noEnvironment, noList], e => Assert.Equal(ProviderErrorKind.NotFound, e.Kind));
        Assert.Contains("Connection", noConnection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfRangePagingIsInvalid()
    {
        var store = Store<IEnvironmentStore>();

        var error = await Assert.ThrowsAsync<ProviderException>(() => store.ListAsync(StorageHarness.NewCaller(), new PageRequest { PageSize = 1001 }, null, Ct));

        Assert.Equal(ProviderErrorKind.Invalid, error.Kind);
    }
}

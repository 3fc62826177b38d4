using Meshery.ExtensionPoints.Organizations;
using Meshery.ExtensionPoints.Paging;
using Meshery.Provider.Storage.Organizations;
using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage.Organizations;

public sealed class TableOrganizationStoreTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    [Fact]
    public async Task EveryUserGetsOnePersonalOrganizationOnFirstAccess()
    {
        var caller = StorageHarness.NewCaller();
        var store = Store<IOrganizationStore>();

        var pages = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => store.ListAsync(caller, new PageRequest(), Ct)));
        var organization = Assert.Single((await store.ListAsync(caller, new PageRequest(), Ct)).Organizations);

        Assert.All(pages, p => Assert.Equal(1, p.TotalCount));
        Assert.Equal(PersonalOrganization.IdFor(caller.UserId), organization.Id);
        Assert.Equal(caller.UserId, organization.Owner);
        JsonAssert.Equal(organization, await store.GetAsync(caller, organization.Id, Ct));
    }

    [Fact]
    public void PersonalIdsAreDeterministicAndDistinct()
    {
        var user = Guid.NewGuid();

        Assert.Equal(PersonalOrganization.IdFor(user), PersonalOrganization.IdFor(user));
        Assert.NotEqual(PersonalOrganization.IdFor(user), PersonalOrganization.IdFor(Guid.NewGuid()));
        Assert.Equal(5, PersonalOrganization.IdFor(user).Version);
    }

    [Fact]
    public async Task AnotherUsersOrganizationIsNotFound()
    {
        var owner = StorageHarness.NewCaller();
        var store = Store<IOrganizationStore>();
        var theirs = PersonalOrganization.IdFor(owner.UserId);
        await store.ListAsync(owner, new PageRequest(), Ct);

        Assert.Null(await store.GetAsync(StorageHarness.NewCaller(), theirs, Ct));
    }
}

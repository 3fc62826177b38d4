using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Users;
using Meshery.Provider.Storage.Users;
using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage.Users;

public sealed class TableUserProfileStoreTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    [Fact]
    public async Task UnknownUserGetsAProfileWithTheirIdAndPreferences()
    {
        var caller = StorageHarness.NewCaller();
        await Store<IPreferencesStore>().SaveAsync(caller, new UserPreferences { AnonymousUsageStats = true }, null, Ct);

        var profile = await Store<IUserProfileStore>().GetCurrentAsync(caller, Ct);

        Assert.Equal(caller.UserId, profile.Id);
        Assert.True(profile.Preferences?.AnonymousUsageStats);
    }

    [Fact]
    public async Task UpsertedProfileIsServedAndKeepsItsCreationTime()
    {
        var caller = StorageHarness.NewCaller();
        var profiles = Store<TableUserProfileStore>();
        var first = await profiles.UpsertAsync(new MesheryUser { Id = caller.UserId, Email = "a@example.com", FirstName = "Ada", RoleNames = ["admin"] }, Ct);

        var second = await profiles.UpsertAsync(
            new MesheryUser { Id = caller.UserId, Email = "ada@example.com", FirstName = "Ada", Preferences = new UserPreferences { AnonymousUsageStats = true } }, Ct);
        var current = await Store<IUserProfileStore>().GetCurrentAsync(caller, Ct);

        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal("ada@example.com", current.Email);
        Assert.Null(current.Preferences?.AnonymousUsageStats);
        JsonAssert.Equal(current, await Store<IUserProfileStore>().GetAsync(caller, caller.UserId, Ct));
    }

    [Fact]
    public async Task OtherUsersProfilesAreNotServed()
    {
        var other = StorageHarness.NewCaller();
        await Store<TableUserProfileStore>().UpsertAsync(new MesheryUser { Id = other.UserId, Email = "b@example.com" }, Ct);

        Assert.Null(await Store<IUserProfileStore>().GetAsync(StorageHarness.NewCaller(), other.UserId, Ct));
    }
}

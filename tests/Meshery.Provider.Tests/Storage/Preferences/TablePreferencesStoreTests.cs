using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Preferences;
using Meshery.Provider.Storage.Tables;
using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage.Preferences;

public sealed class TablePreferencesStoreTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    [Fact]
    public async Task NothingSavedGivesAnEmptyDocument()
    {
        var stored = await Store<IPreferencesStore>().GetAsync(StorageHarness.NewCaller(), Ct);

        Assert.Equal(new UserPreferences(), stored.Value);
        Assert.Equal(TableETags.Missing, stored.ETag);
    }

    [Fact]
    public async Task SaveReplacesAndReadsBack()
    {
        var store = Store<IPreferencesStore>();
        var caller = StorageHarness.NewCaller();
        await store.SaveAsync(caller, new UserPreferences { AnonymousUsageStats = true, SelectedOrganizationId = "org" }, null, Ct);

        var saved = await store.SaveAsync(caller, new UserPreferences { AnonymousPerfResults = false }, null, Ct);
        var read = await store.GetAsync(caller, Ct);

        Assert.Equal(saved.ETag, read.ETag);
        Assert.Null(read.Value.AnonymousUsageStats);
        Assert.False(read.Value.AnonymousPerfResults);
        Assert.NotNull(read.Value.UpdatedAt);
    }

    [Fact]
    public async Task StaleIfMatchFailsThePrecondition()
    {
        var store = Store<IPreferencesStore>();
        var caller = StorageHarness.NewCaller();
        var first = await store.SaveAsync(caller, new UserPreferences { AnonymousUsageStats = true }, TableETags.Missing, Ct);
        await store.SaveAsync(caller, new UserPreferences { AnonymousUsageStats = false }, first.ETag, Ct);

        var stale = await Assert.ThrowsAsync<ProviderException>(() => store.SaveAsync(caller, new UserPreferences(), first.ETag, Ct));
        var missing = await Assert.ThrowsAsync<ProviderException>(() => store.SaveAsync(caller, new UserPreferences(), TableETags.Missing, Ct));

        Assert.Equal(ProviderErrorKind.PreconditionFailed, stale.Kind);
        Assert.Equal(ProviderErrorKind.PreconditionFailed, missing.Kind);
    }

    [Fact]
    public async Task TwentyParallelReadModifyWriteClientsLoseNothing()
    {
        var store = Store<IPreferencesStore>();
        var caller = StorageHarness.NewCaller();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(
            async () =>
            {
                while (true)
                {
                    var current = await store.GetAsync(caller, Ct);
                    var extensions = (JsonObject?)current.Value.UsersExtensionPreferences?.DeepClone() ?? [];
                    extensions["client" + i] = i;
                    try
                    {
                        await store.SaveAsync(caller, current.Value with { UsersExtensionPreferences = extensions }, current.ETag, Ct);
                        return;
                    }
                    catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.PreconditionFailed)
                    {
                        // Someone else wrote first: read again.
                    }
                }
            },
            Ct)));

        var final = (await store.GetAsync(caller, Ct)).Value.UsersExtensionPreferences!;
        Assert.Equal(20, final.Count);
    }

    [Fact]
    public async Task AnotherUserNeverSeesThem()
    {
        var store = Store<IPreferencesStore>();
        await store.SaveAsync(StorageHarness.NewCaller(), new UserPreferences { SelectedOrganizationId = "mine" }, null, Ct);

        var other = await store.GetAsync(StorageHarness.NewCaller(), Ct);

        Assert.Null(other.Value.SelectedOrganizationId);
    }
}

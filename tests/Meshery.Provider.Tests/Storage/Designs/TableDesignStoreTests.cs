using System.Text;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.Provider.Storage.Tables;
using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage.Designs;

public sealed class TableDesignStoreTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    [Fact]
    public async Task A200KBDesignIsSplitOverPropertiesAndRoundTrips()
    {
        var caller = StorageHarness.NewCaller();
        var pattern = Pattern(200 * 1024);

        var saved = await Store<IDesignStore>().SaveAsync(caller, new Design { Name = "medium", PatternFile = pattern }, null, Ct);
        var read = await Store<IDesignStore>().GetAsync(caller, saved.Value.Id, Ct);
        var raw = await RawAsync(caller.UserId, saved.Value.Id);

        Assert.Equal(pattern, read!.Value.PatternFile);
        Assert.Null(DocumentParts.BlobOf(raw));
        Assert.True(raw.GetInt32(DocumentParts.PartsProperty) >= 7);
        Assert.Null(EntityLimits.Violation(raw));
        Assert.Equal(0, await BlobCountAsync(caller.UserId));
    }

    [Fact]
    public async Task ADesignOverOneMebibyteGoesToABlobThatUpdatesReplaceAndDeleteRemoves()
    {
        var store = Store<IDesignStore>();
        var caller = StorageHarness.NewCaller();
        var big = Pattern(1536 * 1024);

        var saved = await store.SaveAsync(caller, new Design { Name = "large", PatternFile = big }, null, Ct);
        var read = await store.GetAsync(caller, saved.Value.Id, Ct);
        var firstBlob = DocumentParts.BlobOf(await RawAsync(caller.UserId, saved.Value.Id));

        Assert.Equal(big, read!.Value.PatternFile);
        Assert.StartsWith($"{caller.UserId:D}/{saved.Value.Id:D}/", firstBlob, StringComparison.Ordinal);
        Assert.Equal(saved.ETag, read.ETag);

        var bigger = Pattern(2 * 1024 * 1024);
        var replaced = await store.SaveAsync(caller, saved.Value with { PatternFile = bigger }, saved.ETag, Ct);
        Assert.Equal(bigger, (await store.GetAsync(caller, saved.Value.Id, Ct))!.Value.PatternFile);
        Assert.NotEqual(firstBlob, DocumentParts.BlobOf(await RawAsync(caller.UserId, saved.Value.Id)));
        Assert.Equal(1, await BlobCountAsync(caller.UserId));
        var listed = await store.ListAsync(caller, new DesignQuery(), Ct);
        Assert.Equal(bigger, Assert.Single(listed.Patterns).PatternFile);

        await store.SaveAsync(caller, replaced.Value with { PatternFile = "name: small" }, null, Ct);
        Assert.Equal(0, await BlobCountAsync(caller.UserId));
        await store.SaveAsync(caller, replaced.Value with { PatternFile = big }, null, Ct);
        Assert.True(await store.DeleteAsync(caller, saved.Value.Id, Ct));
        Assert.Equal(0, await BlobCountAsync(caller.UserId));
    }

    [Fact]
    public async Task SaveValidatesAndGuardsWithIfMatch()
    {
        var store = Store<IDesignStore>();
        var caller = StorageHarness.NewCaller();
        var saved = await store.SaveAsync(caller, new Design { Name = "d", PatternFile = "a: 1" }, null, Ct);
        await store.SaveAsync(caller, saved.Value with { PatternFile = "a: 2" }, saved.ETag, Ct);

        var stale = await Assert.ThrowsAsync<ProviderException>(() => store.SaveAsync(caller, saved.Value with { PatternFile = "a: 3" }, saved.ETag, Ct));
        var badVisibility = await Assert.ThrowsAsync<ProviderException>(() => store.SaveAsync(caller, new Design { Name = "d", Visibility = "secret" }, null, Ct));
        var noName = await Assert.ThrowsAsync<ProviderException>(() => store.SaveAsync(caller, new Design(), null, Ct));

        Assert.Equal(ProviderErrorKind.PreconditionFailed, stale.Kind);
        Assert.Equal(ProviderErrorKind.Invalid, badVisibility.Kind);
        Assert.Equal(ProviderErrorKind.Invalid, noName.Kind);
        Assert.Equal("a: 2", (await store.GetAsync(caller, saved.Value.Id, Ct))!.Value.PatternFile);
    }

    [Fact]
    public async Task ListFiltersByVisibilityAndUpdateTime()
    {
        var store = Store<IDesignStore>();
        var caller = StorageHarness.NewCaller();
        var first = await store.SaveAsync(caller, new Design { Name = "private one" }, null, Ct);
        await store.SaveAsync(caller, new Design { Name = "public one", Visibility = DesignVisibilities.Public }, null, Ct);
        await store.SaveAsync(caller, new Design { Name = "published one", Visibility = DesignVisibilities.Published }, null, Ct);

        var shared = await store.ListAsync(caller, new DesignQuery { Visibility = [DesignVisibilities.Public, DesignVisibilities.Published] }, Ct);
        var newer = await store.ListAsync(caller, new DesignQuery { UpdatedAfter = first.Value.UpdatedAt }, Ct);
        var searched = await store.ListAsync(caller, new DesignQuery { Page = new PageRequest { Search = "PUBLI", Order = "name asc" } }, Ct);

        Assert.Equal(2, shared.TotalCount);
        Assert.Equal(2, newer.TotalCount);
        Assert.Equal(["public one", "published one"], searched.Patterns.Select(p => p.Name));
    }

    private async Task<Azure.Data.Tables.TableEntity> RawAsync(Guid user, Guid id) =>
        (await Harness.Storage.Table(TableNames.Designs).GetAsync(TableKeys.Tenant(user), id.ToString("D"), null, Ct))!;

    private async Task<int> BlobCountAsync(Guid user)
    {
        var count = 0;
        await foreach (var _ in Harness.Storage.Container(TableNames.Designs).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{user:D}/", Ct))
        {
            count++;
        }

        return count;
    }

    private static string Pattern(int size)
    {
        var builder = new StringBuilder(size + 64);
        builder.Append("name: big\nservices:\n");
        for (var i = 0; builder.Length < size; i++)
        {
            builder.Append("  svc-").Append(i).Append(": {type: Deployment, note: \"ünïcødé ✓ \U0001F680\"}\n");
        }

        return builder.ToString();
    }
}

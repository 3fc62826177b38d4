using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.Provider.Storage.Tables;
using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage.Tables;

/// <summary>The document plumbing under every store: ETag-guarded writes and continuation tokens.</summary>
public sealed class DocumentTableTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    [Fact]
    public async Task TwentyParallelUnconditionalReadModifyWritesLoseNothing()
    {
        var table = new DocumentTable<MesheryEnvironment>(Harness.Storage, TableDefinitions.Environments);
        var key = NewKey();
        await table.InsertAsync(key, new(new MesheryEnvironment { Id = (Guid)key.Id, Name = "counter", Metadata = new JsonObject { ["count"] = 0 } }), Ct);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(
            () => table.UpdateAsync(
                key,
                current =>
                {
                    var metadata = (JsonObject)current.Value.Metadata!.DeepClone();
                    metadata["count"] = metadata["count"]!.GetValue<int>() + 1;
                    metadata["writer" + i] = true;
                    return new(current.Value with { Metadata = metadata });
                },
                null,
                Ct),
            Ct)));

        var final = (await table.GetAsync(key, Ct))!.Value.Metadata!;
        Assert.Equal(20, final["count"]!.GetValue<int>());
        Assert.All(Enumerable.Range(0, 20), i => Assert.True(final["writer" + i]!.GetValue<bool>()));
    }

    [Fact]
    public async Task TwoWritersWithTheSameETagOneWinsTheOtherFailsThePrecondition()
    {
        var table = new DocumentTable<MesheryEnvironment>(Harness.Storage, TableDefinitions.Environments);
        var key = NewKey();
        var stored = await table.InsertAsync(key, new(new MesheryEnvironment { Id = (Guid)key.Id, Name = "v1" }), Ct);

        var outcomes = await Task.WhenAll(new[] { "a", "b" }.Select(name => Task.Run(
            async () =>
            {
                try
                {
                    await table.UpdateAsync(key, c => new(c.Value with { Name = name }), stored.ETag, Ct);
                    return "won";
                }
                catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.PreconditionFailed)
                {
                    return "412";
                }
            },
            Ct)));

        Assert.Equal(["412", "won"], outcomes.Order());
        var after = await table.GetAsync(key, Ct);
        Assert.NotEqual(stored.ETag, after!.ETag);
        await Assert.ThrowsAsync<ProviderException>(() => table.UpdateAsync(key, c => new(c.Value), stored.ETag, Ct));
    }

    [Fact]
    public async Task DeepPagesResumeFromRememberedTokensAndStayExact()
    {
        var table = new DocumentTable<MesheryEnvironment>(Harness.Storage, TableDefinitions.Environments);
        var partition = Guid.NewGuid().ToString("D");
        var ids = Enumerable.Range(0, 45).Select(_ => Guid.NewGuid()).ToArray();
        await Parallel.ForEachAsync(ids, Ct, async (id, token) =>
            await table.InsertAsync(new DocumentKey(partition, id.ToString("D"), id), new(new MesheryEnvironment { Id = id, Name = "e" }), token));
        var inKeyOrder = ids.Select(i => i.ToString("D")).Order(StringComparer.Ordinal).ToArray();

        var page3 = await table.ListAsync(new TableListRequest(partition, KeyRange.All, new PageRequest { Page = 3, PageSize = 10 }), Ct);
        var (filter, _) = DocumentTable<MesheryEnvironment>.BuildFilter(new TableListRequest(partition, KeyRange.All, new PageRequest()));
        var remembered = Harness.Storage.Cache.Floor(TableNames.Environments, partition, filter, 40);
        var page4 = await table.ListAsync(new TableListRequest(partition, KeyRange.All, new PageRequest { Page = 4, PageSize = 10 }), Ct);

        Assert.Equal(45, page3.Total);
        Assert.Equal(inKeyOrder[30..40], page3.Items.Select(e => e.Id.ToString("D")));
        Assert.Equal(40, remembered.Offset);
        Assert.NotNull(remembered.Token);
        Assert.Equal(inKeyOrder[40..], page4.Items.Select(e => e.Id.ToString("D")));

        // A write forgets the partition's positions, so offsets never drift.
        await table.InsertAsync(new DocumentKey(partition, "0" + Guid.NewGuid().ToString("D")[1..], "x"), new(new MesheryEnvironment { Name = "first" }), Ct);
        Assert.Equal((0, null), Harness.Storage.Cache.Floor(TableNames.Environments, partition, filter, 40));
    }

    private static DocumentKey NewKey()
    {
        var id = Guid.NewGuid();
        return new DocumentKey(Guid.NewGuid().ToString("D"), id.ToString("D"), id);
    }
}

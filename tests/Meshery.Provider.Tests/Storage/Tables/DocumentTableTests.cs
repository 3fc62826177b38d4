using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.Provider.Storage.Credentials;
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
        var table = new DocumentTable<Design>(Harness.Storage, TableDefinitions.Designs);
        var partition = Guid.NewGuid().ToString("D");
        var ids = Enumerable.Range(0, 45).Select(_ => Guid.NewGuid()).ToArray();
        await Parallel.ForEachAsync(ids, Ct, async (id, token) =>
            await table.InsertAsync(new DocumentKey(partition, id.ToString("D"), id), new(new Design { Id = id, Name = "d" }), token));
        var inKeyOrder = ids.Select(i => i.ToString("D")).Order(StringComparer.Ordinal).ToArray();

        var page3 = await table.ListAsync(new TableListRequest(partition, KeyRange.All, new PageRequest { Page = 3, PageSize = 10 }), Ct);
        var (filter, _) = DocumentTable<Design>.BuildFilter(new TableListRequest(partition, KeyRange.All, new PageRequest()));
        var remembered = Harness.Storage.Cache.Floor(TableNames.Designs, partition, filter, 40);
        var page4 = await table.ListAsync(new TableListRequest(partition, KeyRange.All, new PageRequest { Page = 4, PageSize = 10 }), Ct);

        Assert.Equal(45, page3.Total);
        Assert.Equal(inKeyOrder[30..40], page3.Items.Select(e => e.Id.ToString("D")));
        Assert.Equal(40, remembered.Offset);
        Assert.NotNull(remembered.Token);
        Assert.Equal(inKeyOrder[40..], page4.Items.Select(e => e.Id.ToString("D")));

        // A write forgets the partition's positions, so offsets never drift.
        await table.InsertAsync(new DocumentKey(partition, "0" + Guid.NewGuid().ToString("D")[1..], "x"), new(new Design { Name = "first" }), Ct);
        Assert.Equal((0, null), Harness.Storage.Cache.Floor(TableNames.Designs, partition, filter, 40));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32_001)]
    [InlineData(300_000)]
    [InlineData(440_000)]
    [InlineData(460_000)]
    [InlineData(520_000)]
    [InlineData(3_000_000)]
    public async Task EveryEntityBuiltKeepsTheLimitsOnBothSidesOfTheInlineBoundary(int patternChars)
    {
        var designs = new DocumentTable<Design>(Harness.Storage, TableDefinitions.Designs);
        var credentials = new DocumentTable<Credential>(Harness.Storage, TableDefinitions.Credentials);
        var key = NewKey();
        var pattern = patternChars < 2 ? "x" : "\U0001F680" + new string('x', patternChars - 2);

        // The largest secret a credential may carry sits beside the document as binary parts.
        var secret = Enumerable.Range(0, (TableCredentialStore.MaxSecretBytes / EntityLimits.MaxBinaryBytes) + 1)
            .ToDictionary(i => "Secret" + i, object (_) => new byte[EntityLimits.MaxBinaryBytes]);
        var encoded = new[]
        {
            await designs.EncodeAsync(key, new(new Design { Name = "d", PatternFile = pattern }), Ct),
            await credentials.EncodeAsync(key, new(new Credential { Name = new string('n', 255), Type = pattern.Length > 255 ? pattern[..255] : pattern }, secret), Ct),
        };

        foreach (var document in encoded)
        {
            Assert.Null(EntityLimits.Violation(document.Entity));
            Assert.True(EntityLimits.EstimateSize(document.Entity) <= EntityLimits.MaxEntityBytes);
            Assert.True(document.Entity.Count + 1 <= EntityLimits.MaxProperties);
            Assert.All(document.Entity.Select(p => p.Value).OfType<string>(), s => Assert.True(s.Length <= EntityLimits.MaxStringChars));
            Assert.All(document.Entity.Select(p => p.Value).OfType<byte[]>(), b => Assert.True(b.Length <= EntityLimits.MaxBinaryBytes));
        }

        // Escaped JSON is longer than the pattern; what matters is that inline entities stay under the budget.
        Assert.True(encoded[0].UploadedBlob is not null || EntityLimits.EstimateSize(encoded[0].Entity) <= EntityLimits.MaxInlineEntityBytes);
        Assert.Equal(patternChars >= 520_000, encoded[0].UploadedBlob is not null);
        var stored = await designs.InsertAsync(key, new(new Design { Name = "d", PatternFile = pattern }), Ct);
        Assert.Equal(pattern, (await designs.GetAsync(key, Ct))!.Value.PatternFile);
        Assert.Equal(stored.ETag, (await designs.GetAsync(key, Ct))!.ETag);
        foreach (var document in encoded)
        {
            await designs.DiscardAsync(document);
        }
    }

    [Fact]
    public async Task BatchesStayInOnePartitionAndUnderAHundredOperations()
    {
        var table = Harness.Storage.Table(TableNames.Events);
        var tooMany = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "r" + i))).ToArray();
        var twoPartitions = new[]
        {
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "r")),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("q", "r")),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitAsync(tooMany, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitAsync(twoPartitions, Ct));
    }

    private static DocumentKey NewKey()
    {
        var id = Guid.NewGuid();
        return new DocumentKey(Guid.NewGuid().ToString("D"), id.ToString("D"), id);
    }
}

using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.Provider.Storage.Tables;
using Meshery.Testing.Azurite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Tests.Storage.Tables;

/// <summary>
/// The count row of counted tables (environments): written in the same batch as every document,
/// never listed, exact under concurrent writers of one process and of two, and read with the first page.
/// </summary>
public sealed class CountRowTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    [Fact]
    public async Task TotalsPerOrganizationFollowInsertsMovesAndDeletes()
    {
        var store = Store<IEnvironmentStore>();
        var caller = StorageHarness.NewCaller();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(
            () => store.CreateAsync(caller, new EnvironmentPayload { Name = "e" + i, OrganizationId = i < 5 ? a : b }, Ct), Ct)));

        var moved = created.First(e => e.Value.OrganizationId == a);
        await store.UpdateAsync(caller, moved.Value.Id, new EnvironmentPayload { OrganizationId = b }, moved.ETag, Ct);
        var stale = await Assert.ThrowsAsync<ProviderException>(
            () => store.UpdateAsync(caller, moved.Value.Id, new EnvironmentPayload { OrganizationId = a }, moved.ETag, Ct));
        await store.UpdateAsync(caller, created[^1].Value.Id, new EnvironmentPayload { Name = "renamed" }, null, Ct);
        Assert.True(await store.DeleteAsync(caller, created.First(e => e.Value.OrganizationId == b).Value.Id, Ct));

        Assert.Equal(ProviderErrorKind.PreconditionFailed, stale.Kind);
        Assert.Equal(7, (await store.ListAsync(caller, new PageRequest(), null, Ct)).TotalCount);
        Assert.Equal(4, (await store.ListAsync(caller, new PageRequest(), a, Ct)).TotalCount);
        Assert.Equal(3, (await store.ListAsync(caller, new PageRequest { PageSize = 1, Page = 2 }, b, Ct)).TotalCount);
        Assert.Equal(0, (await store.ListAsync(caller, new PageRequest(), Guid.NewGuid(), Ct)).TotalCount);
        await AssertCountRowMatchesRowsAsync(caller, 7);

        // The count row is never a document: not in a page, a sorted or searched list, nor a filtered one.
        Assert.Equal(7, (await store.ListAsync(caller, new PageRequest { Order = "name asc" }, null, Ct)).Environments.Count);
        Assert.Equal(7, (await store.ListAsync(caller, new PageRequest { Search = "e" }, null, Ct)).Environments.Count);
        Assert.Equal(4, (await store.ListAsync(caller, new PageRequest(), a, Ct)).Environments.Count);
    }

    [Fact]
    public async Task PagesWalkInKeyOrderAndResumeFromTheFirstPagesToken()
    {
        var store = Store<IEnvironmentStore>();
        var caller = StorageHarness.NewCaller();
        var ids = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            ids.Add((await store.CreateAsync(caller, new EnvironmentPayload { Name = "e" + i }, Ct)).Value.Id.ToString("D"));
        }

        ids.Sort(StringComparer.Ordinal);
        var partition = TableKeys.Tenant(caller.UserId);
        var withCount = StorageTable.RangeFilter(partition, new KeyRange(DocumentCount.Row, KeyRange.All.To));

        var page0 = await store.ListAsync(caller, new PageRequest { PageSize = 10 }, null, Ct);
        var remembered = Harness.Storage.Cache.Floor(TableNames.Environments, partition, withCount, 11);
        var page1 = await store.ListAsync(caller, new PageRequest { PageSize = 10, Page = 1 }, null, Ct);
        var page2 = await store.ListAsync(caller, new PageRequest { PageSize = 10, Page = 2 }, null, Ct);
        var beyond = await store.ListAsync(caller, new PageRequest { PageSize = 10, Page = 5 }, null, Ct);

        // Page 0 read the count row and ten environments; its token (at row 11) is where page 1 starts.
        Assert.Equal(11, remembered.Offset);
        Assert.NotNull(remembered.Token);
        Assert.Equal(ids[..10], page0.Environments.Select(e => e.Id.ToString("D")));
        Assert.Equal(ids[10..20], page1.Environments.Select(e => e.Id.ToString("D")));
        Assert.Equal(ids[20..], page2.Environments.Select(e => e.Id.ToString("D")));
        Assert.Empty(beyond.Environments);
        Assert.All(new[] { page0, page1, page2, beyond }, p => Assert.Equal(23, p.TotalCount));
    }

    [Fact]
    public async Task APartitionWithoutACountRowIsCountedByQueryAndItsFirstWriteCountsIt()
    {
        var table = new DocumentTable<MesheryEnvironment>(Harness.Storage, TableDefinitions.Environments);
        var partition = Guid.NewGuid().ToString("D");
        var org = Guid.NewGuid();

        // Rows written without a count row, as before counting began.
        for (var i = 0; i < 3; i++)
        {
            var id = Guid.NewGuid();
            var encoded = await table.EncodeAsync(Key(partition, id), new(new MesheryEnvironment { Id = id, Name = "old" + i, OrganizationId = org }), Ct);
            await table.Table.AddAsync(encoded.Entity, Ct);
        }

        var whole = await table.ListAsync(List(partition, 0, 10), Ct);
        var first = await table.ListAsync(List(partition, 0, 2), Ct);
        var second = await table.ListAsync(List(partition, 1, 2), Ct);
        var created = Guid.NewGuid();
        await table.InsertAsync(Key(partition, created), new(new MesheryEnvironment { Id = created, Name = "new", OrganizationId = org }), Ct);
        var after = await table.ListAsync(List(partition, 0, 10, org), Ct);
        var row = await table.Table.GetAsync(partition, DocumentCount.Row, null, Ct);

        Assert.Equal((3, 3), (whole.Items.Count, whole.Total));
        Assert.Equal((2, 3), (first.Items.Count, first.Total));
        Assert.Equal((1, 3), (second.Items.Count, second.Total));
        Assert.Equal((4, 4), (after.Items.Count, after.Total));
        Assert.NotNull(row);
        Assert.Equal(4, DocumentCount.FromEntity(row, byValue: true).CountOf(org.ToString("D")));
    }

    [Fact]
    public async Task WritersInTwoProcessesKeepTheCountExact()
    {
        var partition = Guid.NewGuid().ToString("D");
        var other = new TableStorage(
            Options.Create(Harness.Storage.Options),
            new ContinuationCache(Options.Create(Harness.Storage.Options), TimeProvider.System),
            NullLogger<TableStorage>.Instance);
        var tables = new[] { Harness.Storage, other }.Select(s => new DocumentTable<MesheryEnvironment>(s, TableDefinitions.Environments)).ToArray();
        var orgs = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var ids = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid()).ToArray();

        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Length), new ParallelOptions { MaxDegreeOfParallelism = 12, CancellationToken = Ct }, async (i, token) =>
            await tables[i % 2].InsertAsync(Key(partition, ids[i]), new(new MesheryEnvironment { Id = ids[i], Name = "e", OrganizationId = orgs[i % 2] }), token));
        await Parallel.ForEachAsync(Enumerable.Range(0, 12), new ParallelOptions { MaxDegreeOfParallelism = 12, CancellationToken = Ct }, async (i, token) =>
        {
            if (i % 3 == 0)
            {
                await tables[(i + 1) % 2].DeleteAsync(Key(partition, ids[i]), token);
            }
            else
            {
                await tables[(i + 1) % 2].UpdateAsync(Key(partition, ids[i]), c => new(c.Value with { OrganizationId = orgs[1] }), null, token);
            }
        });

        var rows = await tables[0].Table.ScanAsync(StorageTable.RangeFilter(partition, KeyRange.All), ["RowKey", "OrganizationId"], 1000, Ct);
        var row = DocumentCount.FromEntity((await tables[0].Table.GetAsync(partition, DocumentCount.Row, null, Ct))!, byValue: true);

        Assert.Equal(20, rows.Count);
        Assert.Equal(rows.Count, row.Total);
        Assert.Equal(rows.Count(r => r.GetString("OrganizationId") == orgs[0].ToString("D")), row.CountOf(orgs[0].ToString("D")));
        Assert.Equal(rows.Count(r => r.GetString("OrganizationId") == orgs[1].ToString("D")), row.CountOf(orgs[1].ToString("D")));
        Assert.Equal(20, (await tables[1].ListAsync(List(partition, 0, 5), Ct)).Total);
    }

    [Fact]
    public void ValuesThatOutgrowOnePropertyAreDroppedAndTheTotalIsKept()
    {
        var count = DocumentCount.Empty(byValue: true);
        for (var i = 0; i < 1000; i++)
        {
            count = count.Added(Guid.NewGuid().ToString("D"));
        }

        var entity = count.ToEntity("p");
        var read = DocumentCount.FromEntity(entity, byValue: true);

        Assert.False(entity.ContainsKey(DocumentCount.ByValueProperty));
        Assert.Equal(1000, read.Total);
        Assert.Null(read.CountOf(Guid.NewGuid().ToString("D")));
        Assert.Null(read.Added("x").ByValue);
    }

    private async Task AssertCountRowMatchesRowsAsync(ProviderCaller caller, int expected)
    {
        var table = Harness.Storage.Table(TableNames.Environments);
        var partition = TableKeys.Tenant(caller.UserId);
        var rows = await table.ScanAsync(StorageTable.RangeFilter(partition, KeyRange.All), ["RowKey", "OrganizationId"], 1000, Ct);
        var row = DocumentCount.FromEntity((await table.GetAsync(partition, DocumentCount.Row, null, Ct))!, byValue: true);
        Assert.Equal(expected, rows.Count);
        Assert.Equal(rows.Count, row.Total);
        Assert.All(rows.GroupBy(r => r.GetString("OrganizationId")!), g => Assert.Equal(g.Count(), row.CountOf(g.Key)));
        Assert.Equal(rows.Select(r => r.GetString("OrganizationId")).Distinct().Count(), row.ByValue!.Count);
    }

    private static DocumentKey Key(string partition, Guid id) => new(partition, TableKeys.Id(id), id);

    private static TableListRequest List(string partition, int page, int size, Guid? org = null) =>
        new(partition, KeyRange.All, new PageRequest { Page = page, PageSize = size })
        {
            Conditions = new TableConditions().Equal("OrganizationId", org?.ToString("D")),
        };
}

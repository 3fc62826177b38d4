using System.Text.Json.Nodes;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Performance;
using Meshery.Provider.Storage.Tables;
using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage.Performance;

public sealed class TablePerformanceStoreTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ProfileCrudWithValidation()
    {
        var store = Store<IPerformanceProfileStore>();
        var caller = StorageHarness.NewCaller();

        var created = await store.SaveAsync(caller, Profile(" load "), null, Ct);
        var updated = await store.SaveAsync(caller, created.Value with { Qps = 50 }, created.ETag, Ct);
        var stale = await Assert.ThrowsAsync<ProviderException>(() => store.SaveAsync(caller, created.Value with { Qps = 1 }, created.ETag, Ct));
        var invalid = await Assert.ThrowsAsync<ProviderException>(() => store.SaveAsync(caller, Profile("x") with { Endpoints = ["not a url"] }, null, Ct));
        var listed = await store.ListAsync(caller, new PageRequest(), Ct);

        Assert.Equal("load", created.Value.Name);
        Assert.Equal(caller.UserId, created.Value.Owner);
        Assert.Equal(created.Value.CreatedAt, updated.Value.CreatedAt);
        Assert.Equal(50, (await store.GetAsync(caller, created.Value.Id, Ct))!.Value.Qps);
        Assert.Equal(ProviderErrorKind.PreconditionFailed, stale.Kind);
        Assert.Equal(ProviderErrorKind.Invalid, invalid.Kind);
        Assert.Equal(1, listed.TotalCount);
        Assert.True(await store.DeleteAsync(caller, created.Value.Id, Ct));
        Assert.Null(await store.GetAsync(caller, created.Value.Id, Ct));
    }

    [Fact]
    public async Task ResultsCountTowardsTheirProfileAndListNewestFirst()
    {
        var profiles = Store<IPerformanceProfileStore>();
        var results = Store<IPerformanceResultStore>();
        var caller = StorageHarness.NewCaller();
        var p1 = (await profiles.SaveAsync(caller, Profile("one"), null, Ct)).Value.Id;
        var p2 = (await profiles.SaveAsync(caller, Profile("two"), null, Ct)).Value.Id;
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await results.CreateAsync(caller, p1, new PerformanceResult { Name = "r" + i, TestStartTime = T0.AddMinutes(i) }, Ct));
        }

        await results.CreateAsync(caller, p2, new PerformanceResult { TestStartTime = T0.AddDays(1) }, Ct);

        var ofP1 = await results.ListAsync(caller, new PerformanceResultQuery { ProfileId = p1, Page = new PageRequest { PageSize = 2 } }, Ct);
        var window = await results.ListAsync(caller, new PerformanceResultQuery { ProfileId = p1, From = T0.AddMinutes(1), To = T0.AddMinutes(3) }, Ct);
        var all = await results.ListAsync(caller, new PerformanceResultQuery(), Ct);
        var allWindow = await results.ListAsync(caller, new PerformanceResultQuery { From = T0.AddMinutes(4) }, Ct);
        var byName = await results.ListAsync(caller, new PerformanceResultQuery { ProfileId = p1, Page = new PageRequest { Order = "name asc" } }, Ct);
        var one = (await profiles.GetAsync(caller, p1, Ct))!.Value;
        var page = await profiles.ListAsync(caller, new PageRequest(), Ct);

        Assert.Equal(["r4", "r3"], ofP1.Results.Select(r => r.Name));
        Assert.Equal(5, ofP1.TotalCount);
        Assert.Equal(["r3", "r2", "r1"], window.Results.Select(r => r.Name));
        Assert.Equal(6, all.TotalCount);
        Assert.Equal(T0.AddDays(1), all.Results[0].TestStartTime);
        Assert.Equal(2, allWindow.TotalCount);
        Assert.Equal(["r0", "r1", "r2", "r3", "r4"], byName.Results.Select(r => r.Name));
        Assert.Equal(5, one.TotalResults);
        Assert.Equal(T0.AddMinutes(4), one.LastRun);
        Assert.Equal(1, page.Profiles.Single(p => p.Id == p2).TotalResults);
        Assert.Equal(p1, (await results.GetAsync(caller, ids[2], Ct))!.PerformanceProfile);
    }

    [Fact]
    public async Task MetricsAttachToAResultAndUnknownOnesAreNotFound()
    {
        var caller = StorageHarness.NewCaller();
        var profile = (await Store<IPerformanceProfileStore>().SaveAsync(caller, Profile("p"), null, Ct)).Value.Id;
        var results = Store<IPerformanceResultStore>();
        var id = await results.CreateAsync(caller, profile, new PerformanceResult { RunnerResults = new JsonObject { ["qps"] = 10 } }, Ct);

        await results.SaveMetricsAsync(caller, new PerformanceResult { MesheryId = id, ServerMetrics = new JsonObject { ["cpu"] = 0.5 } }, Ct);
        var read = await results.GetAsync(caller, id, Ct);

        Assert.Equal(0.5, read!.ServerMetrics!["cpu"]!.GetValue<double>());
        Assert.Equal(10, read.RunnerResults!["qps"]!.GetValue<int>());
        Assert.StartsWith("result ", read.Name, StringComparison.Ordinal);
        Assert.Equal(ProviderErrorKind.NotFound, (await Assert.ThrowsAsync<ProviderException>(
            () => results.SaveMetricsAsync(caller, new PerformanceResult { MesheryId = Guid.NewGuid() }, Ct))).Kind);
        Assert.Equal(ProviderErrorKind.NotFound, (await Assert.ThrowsAsync<ProviderException>(
            () => results.CreateAsync(caller, Guid.NewGuid(), new PerformanceResult(), Ct))).Kind);
    }

    [Fact]
    public async Task AResultOverOneMebibyteRoundTripsThroughABlob()
    {
        var caller = StorageHarness.NewCaller();
        var profile = (await Store<IPerformanceProfileStore>().SaveAsync(caller, Profile("p"), null, Ct)).Value.Id;
        var results = Store<IPerformanceResultStore>();
        var histogram = new JsonArray([.. Enumerable.Range(0, 60_000).Select(i => (JsonNode)JsonValue.Create(i * 1.5))]);

        var id = await results.CreateAsync(caller, profile, new PerformanceResult { RunnerResults = new JsonObject { ["histogram"] = histogram } }, Ct);
        var read = await results.GetAsync(caller, id, Ct);

        Assert.Equal(60_000, read!.RunnerResults!["histogram"]!.AsArray().Count);
        Assert.Equal(59_999 * 1.5, read.RunnerResults["histogram"]![59_999]!.GetValue<double>());
    }

    [Fact]
    public async Task DeletingAProfileDeletesItsResults()
    {
        var profiles = Store<IPerformanceProfileStore>();
        var results = Store<IPerformanceResultStore>();
        var caller = StorageHarness.NewCaller();
        var doomed = (await profiles.SaveAsync(caller, Profile("doomed"), null, Ct)).Value.Id;
        var kept = (await profiles.SaveAsync(caller, Profile("kept"), null, Ct)).Value.Id;
        var ids = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => results.CreateAsync(caller, doomed, new PerformanceResult { TestStartTime = T0.AddSeconds(i) }, Ct)));
        var survivor = await results.CreateAsync(caller, kept, new PerformanceResult(), Ct);

        Assert.True(await profiles.DeleteAsync(caller, doomed, Ct));

        Assert.Null(await results.GetAsync(caller, ids[0], Ct));
        Assert.Equal(1, (await results.ListAsync(caller, new PerformanceResultQuery(), Ct)).TotalCount);
        Assert.NotNull(await results.GetAsync(caller, survivor, Ct));
        var rows = await Harness.Storage.Table(TableNames.PerformanceResults).ScanAsync(
            StorageTable.RangeFilter(TableKeys.Tenant(caller.UserId), KeyRange.All), ["RowKey"], 1000, Ct);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task AnotherUserSeesNoResults()
    {
        var owner = StorageHarness.NewCaller();
        var profile = (await Store<IPerformanceProfileStore>().SaveAsync(owner, Profile("p"), null, Ct)).Value.Id;
        var id = await Store<IPerformanceResultStore>().CreateAsync(owner, profile, new PerformanceResult(), Ct);
        var other = new ProviderCaller(Guid.NewGuid());

        Assert.Null(await Store<IPerformanceResultStore>().GetAsync(other, id, Ct));
        Assert.Null(await Store<IPerformanceProfileStore>().GetAsync(other, profile, Ct));
        Assert.Equal(0, (await Store<IPerformanceResultStore>().ListAsync(other, new PerformanceResultQuery { ProfileId = profile }, Ct)).TotalCount);
        Assert.Equal(ProviderErrorKind.NotFound, (await Assert.ThrowsAsync<ProviderException>(
            () => Store<IPerformanceResultStore>().CreateAsync(other, profile, new PerformanceResult(), Ct))).Kind);
    }

    private static PerformanceProfile Profile(string name) => new()
    {
        Name = name,
        Endpoints = ["http://example.com/"],
        LoadGenerators = ["fortio"],
        ConcurrentRequest = 2,
        Qps = 10,
        Duration = "30s",
    };
}

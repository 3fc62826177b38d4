using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Paging;
using Meshery.Provider.Storage.Tables;
using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage.Events;

public sealed class TableEventStoreTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CreateFillsDefaultsAndARepeatedIdIsLeftAsItWas()
    {
        var store = Store<IEventStore>();
        var caller = new ProviderCaller(Guid.NewGuid(), SystemId: Guid.NewGuid());
        var id = Guid.NewGuid();

        var created = await store.CreateAsync(caller, new MesheryEvent { Id = id, Category = "connection", Action = "register", Description = "first" }, Ct);
        var repeated = await store.CreateAsync(caller, new MesheryEvent { Id = id, Category = "other", Description = "second", CreatedAt = T0 }, Ct);

        Assert.Equal(EventSeverities.Informational, created.Severity);
        Assert.Equal(EventStatuses.Unread, created.Status);
        Assert.Equal(caller.UserId, created.Owner);
        Assert.Equal(caller.SystemId, created.SystemId);
        JsonAssert.Equal(created, repeated);
        JsonAssert.Equal(created, await store.GetAsync(caller, id, Ct));
        Assert.Equal(1, (await store.ListAsync(caller, new EventQuery(), Ct)).TotalCount);
    }

    [Fact]
    public async Task EachEventIsOneRowKeyedByItsId()
    {
        var store = Store<IEventStore>();
        var caller = StorageHarness.NewCaller();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await store.CreateAsync(caller, Event("e" + i, "deploy", EventSeverities.Informational, T0.AddSeconds(i)), Ct)).Id);
        }

        await store.CreateAsync(caller, Event("repeat", "deploy", EventSeverities.Error, T0) with { Id = ids[0] }, Ct);
        var rows = await Harness.Storage.Table(TableNames.Events).ScanAsync(
            StorageTable.RangeFilter(TableKeys.Tenant(caller.UserId), new KeyRange("", "~")), ["RowKey"], 100, Ct);

        Assert.Equal(ids.Select(TableKeys.Id).Order(StringComparer.Ordinal), rows.Select(r => r.RowKey));
    }

    [Fact]
    public async Task TwentyParallelDeliveriesOfOneEventStoreItOnce()
    {
        var store = Store<IEventStore>();
        var caller = StorageHarness.NewCaller();
        var id = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(
            () => store.CreateAsync(caller, new MesheryEvent { Id = id, Description = "delivery " + i, CreatedAt = T0 }, Ct), Ct)));

        Assert.Single(results.Select(r => r.Description).Distinct());
        Assert.Equal(1, (await store.ListAsync(caller, new EventQuery(), Ct)).TotalCount);
    }

    [Fact]
    public async Task ListIsNewestFirstWithFiltersAndCounts()
    {
        var store = Store<IEventStore>();
        var caller = StorageHarness.NewCaller();
        var acted = Guid.NewGuid();
        await store.CreateAsync(caller, Event("a", "deploy", EventSeverities.Error, T0, acted), Ct);
        await store.CreateAsync(caller, Event("b", "deploy", EventSeverities.Warning, T0.AddMinutes(2)), Ct);
        await store.CreateAsync(caller, Event("c", "undeploy", EventSeverities.Error, T0.AddMinutes(1)) with { Status = EventStatuses.Read }, Ct);

        var all = await store.ListAsync(caller, new EventQuery(), Ct);
        var errors = await store.ListAsync(caller, new EventQuery { Severity = [EventSeverities.Error] }, Ct);
        var unreadDeploys = await store.ListAsync(caller, new EventQuery { Action = ["deploy"], Status = EventStatuses.Unread }, Ct);
        var onActed = await store.ListAsync(caller, new EventQuery { ActedUpon = [acted] }, Ct);
        var oldestFirst = await store.ListAsync(caller, new EventQuery { Page = new PageRequest { Order = "created_at asc" } }, Ct);
        var searched = await store.ListAsync(caller, new EventQuery { Page = new PageRequest { Search = "UNDEPLOY" } }, Ct);

        Assert.Equal(["b", "c", "a"], all.Data.Select(e => e.Description));
        Assert.Equal(1, all.ReadCount);
        Assert.Equal([new SeverityCount(EventSeverities.Error, 1), new SeverityCount(EventSeverities.Warning, 1)], all.CountBySeverityLevel);
        Assert.Equal(["c", "a"], errors.Data.Select(e => e.Description));
        Assert.Equal(2, unreadDeploys.TotalCount);
        Assert.Equal("a", Assert.Single(onActed.Data).Description);
        Assert.Equal(["a", "c", "b"], oldestFirst.Data.Select(e => e.Description));
        Assert.Equal("c", Assert.Single(searched.Data).Description);
        Assert.Equal(
            [new EventType("deployment", "deploy"), new EventType("deployment", "undeploy")],
            await store.ListTypesAsync(caller, Ct));
    }

    [Fact]
    public async Task BulkStatusChangesAndDeletesCountWhatTheyTouched()
    {
        var store = Store<IEventStore>();
        var caller = StorageHarness.NewCaller();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await store.CreateAsync(caller, Event("e" + i, "deploy", EventSeverities.Informational, T0.AddSeconds(i)), Ct)).Id);
        }

        var marked = await store.UpdateStatusAsync(caller, [ids[0], ids[1], ids[1], Guid.NewGuid()], EventStatuses.Read, Ct);
        var deleted = await store.DeleteAsync(caller, [ids[2], ids[3], Guid.NewGuid()], Ct);
        var page = await store.ListAsync(caller, new EventQuery(), Ct);

        Assert.Equal(2, marked);
        Assert.Equal(2, deleted);
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(2, page.ReadCount);
        Assert.Equal(EventStatuses.Read, (await store.GetAsync(caller, ids[0], Ct))!.Status);
        Assert.Null(await store.GetAsync(caller, ids[2], Ct));
        Assert.Equal(ProviderErrorKind.Invalid, (await Assert.ThrowsAsync<ProviderException>(() => store.UpdateStatusAsync(caller, ids, "seen", Ct))).Kind);
        Assert.Equal(ProviderErrorKind.Invalid, (await Assert.ThrowsAsync<ProviderException>(
            () => store.DeleteAsync(caller, [.. Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid())], Ct))).Kind);

        // A deleted id can be recorded again.
        var again = await store.CreateAsync(caller, Event("again", "deploy", EventSeverities.Debug, T0) with { Id = ids[2] }, Ct);
        Assert.Equal("again", (await store.GetAsync(caller, ids[2], Ct))!.Description);
        Assert.Equal(ids[2], again.Id);
    }

    [Fact]
    public async Task TwentyParallelStatusChangesLoseNothing()
    {
        var store = Store<IEventStore>();
        var caller = StorageHarness.NewCaller();
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await store.CreateAsync(caller, Event("e" + i, "deploy", EventSeverities.Warning, T0.AddSeconds(i)), Ct)).Id);
        }

        // Every writer marks all 20 read: each read-modify-write on a contended event must retry, not fail or vanish.
        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.UpdateStatusAsync(caller, ids, EventStatuses.Read, Ct), Ct)));
        var page = await store.ListAsync(caller, new EventQuery { Page = new PageRequest { PageSize = 100 } }, Ct);

        Assert.All(counts, c => Assert.Equal(20, c));
        Assert.Equal(20, page.ReadCount);
        Assert.Empty(page.CountBySeverityLevel);
        Assert.All(page.Data, e => Assert.Equal(EventStatuses.Read, e.Status));
        Assert.Equal(20, (await store.ListAsync(caller, new EventQuery { Status = EventStatuses.Read }, Ct)).TotalCount);
    }

    [Fact]
    public async Task AnotherUserSeesNothing()
    {
        var store = Store<IEventStore>();
        var owner = StorageHarness.NewCaller();
        var created = await store.CreateAsync(owner, Event("mine", "deploy", EventSeverities.Error, T0), Ct);
        var other = StorageHarness.NewCaller();

        Assert.Null(await store.GetAsync(other, created.Id, Ct));
        Assert.Equal(0, (await store.ListAsync(other, new EventQuery(), Ct)).TotalCount);
        Assert.Empty(await store.ListTypesAsync(other, Ct));
        Assert.Equal(0, await store.UpdateStatusAsync(other, [created.Id], EventStatuses.Read, Ct));
        Assert.Equal(0, await store.DeleteAsync(other, [created.Id], Ct));

        // The same id is independent per user.
        var theirs = await store.CreateAsync(other, Event("theirs", "deploy", EventSeverities.Error, T0) with { Id = created.Id }, Ct);
        Assert.Equal("theirs", theirs.Description);
        Assert.Equal("mine", (await store.GetAsync(owner, created.Id, Ct))!.Description);
    }

    private static MesheryEvent Event(string description, string action, string severity, DateTimeOffset at, Guid? actedUpon = null) => new()
    {
        Id = Guid.NewGuid(),
        Category = "deployment",
        Action = action,
        Severity = severity,
        Description = description,
        ActedUpon = actedUpon,
        CreatedAt = at,
    };
}

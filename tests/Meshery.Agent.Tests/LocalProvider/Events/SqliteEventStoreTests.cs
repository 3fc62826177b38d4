using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Agent.Tests.LocalProvider.Events;

public sealed class SqliteEventStoreTests : LocalProviderTest
{
    private static readonly Guid ClusterA = Guid.NewGuid();

    [Fact]
    public async Task An_event_is_recorded_once_and_read_back()
    {
        var system = Guid.NewGuid();
        var caller = Caller with { SystemId = system };
        var created = await Local.Events.CreateAsync(
            caller,
            new MesheryEvent
            {
                Category = "connection",
                Action = "register",
                Severity = EventSeverities.Success,
                Description = "Registered cluster",
                ActedUpon = ClusterA,
                Metadata = new JsonObject { ["k"] = "v" },
            },
            Ct);
        var repeat = await Local.Events.CreateAsync(caller, created with { Description = "changed on redelivery" }, Ct);

        var read = await Local.Events.GetAsync(Caller, created.Id, Ct);
        var page = await Local.Events.ListAsync(Caller, new EventQuery(), Ct);

        Assert.NotEqual(Guid.Empty, created.Id);
        Assert.Equal(Caller.UserId, created.Owner);
        Assert.Equal(system, created.SystemId);
        Assert.Equal(EventStatuses.Unread, created.Status);
        Assert.Equal("Registered cluster", repeat.Description);
        JsonAssert.Same(created, read);
        Assert.Equal("v", (string?)read!.Metadata!["k"]);
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task Lists_filter_by_category_action_severity_status_and_acted_upon()
    {
        await SeedAsync();

        var connection = await ListAsync(new EventQuery { Category = ["connection"] });
        var deploy = await ListAsync(new EventQuery { Action = ["deploy"] });
        var errors = await ListAsync(new EventQuery { Severity = [EventSeverities.Error, EventSeverities.Critical] });
        var read = await ListAsync(new EventQuery { Status = EventStatuses.Read });
        var unread = await ListAsync(new EventQuery { Status = EventStatuses.Unread });
        var onCluster = await ListAsync(new EventQuery { ActedUpon = [ClusterA] });
        var combined = await ListAsync(new EventQuery { Category = ["pattern"], Severity = [EventSeverities.Error] });
        var search = await ListAsync(new EventQuery { Page = new PageRequest { Search = "Deployed" } });

        Assert.Equal(["c1", "c2"], connection);
        Assert.Equal(["p1", "p2", "p3"], deploy);
        Assert.Equal(["c2", "p2", "p3"], errors);
        Assert.Equal(["p1"], read);
        Assert.Equal(["c1", "c2", "p2", "p3"], unread);
        Assert.Equal(["c1", "p3"], onCluster);
        Assert.Equal(["p2"], combined);
        Assert.Equal(["p1", "p2", "p3"], search);
    }

    [Fact]
    public async Task A_page_counts_read_events_and_unread_ones_by_severity()
    {
        await SeedAsync();

        var page = await Local.Events.ListAsync(Caller, new EventQuery { Page = new PageRequest { PageSize = 2 } }, Ct);

        Assert.Equal(5, page.TotalCount);
        Assert.Equal(2, page.Data.Count);
        Assert.Equal(1, page.ReadCount);
        Assert.Equal(
            [new SeverityCount(EventSeverities.Critical, 1), new SeverityCount(EventSeverities.Error, 2), new SeverityCount(EventSeverities.Informational, 1)],
            page.CountBySeverityLevel);
        Assert.Equal(["p3", "p2"], page.Data.Select(e => e.Description[..2]));
    }

    [Fact]
    public async Task Bulk_status_changes_and_deletes_touch_only_the_named_events()
    {
        var ids = await SeedAsync();

        var changed = await Local.Events.UpdateStatusAsync(Caller, [ids["c1"], ids["c2"], Guid.NewGuid()], EventStatuses.Read, Ct);
        var afterRead = await Local.Events.ListAsync(Caller, new EventQuery(), Ct);
        var readEvent = await Local.Events.GetAsync(Caller, ids["c1"], Ct);
        var deleted = await Local.Events.DeleteAsync(Caller, [ids["p1"], ids["p2"], Guid.NewGuid()], Ct);
        var afterDelete = await Local.Events.ListAsync(Caller, new EventQuery(), Ct);

        Assert.Equal(2, changed);
        Assert.Equal(3, afterRead.ReadCount);
        Assert.Equal(EventStatuses.Read, readEvent!.Status);
        Assert.True(readEvent.UpdatedAt > readEvent.CreatedAt);
        Assert.Equal(2, deleted);
        Assert.Equal(3, afterDelete.TotalCount);
        Assert.Null(await Local.Events.GetAsync(Caller, ids["p1"], Ct));
        Assert.Equal(0, await Local.Events.UpdateStatusAsync(Caller, [], EventStatuses.Read, Ct));
        Assert.Equal(0, await Local.Events.DeleteAsync(Caller, [], Ct));
    }

    [Fact]
    public async Task Types_are_the_distinct_category_and_action_pairs()
    {
        await SeedAsync();

        var types = await Local.Events.ListTypesAsync(Caller, Ct);

        Assert.Equal([new EventType("connection", "register"), new EventType("pattern", "deploy")], types);
    }

    [Fact]
    public async Task Unknown_severity_or_status_and_too_many_ids_are_invalid()
    {
        var severity = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Events.CreateAsync(Caller, new MesheryEvent { Severity = "catastrophic" }, Ct));
        var status = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Events.UpdateStatusAsync(Caller, [Guid.NewGuid()], "seen", Ct));
        var blank = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Events.UpdateStatusAsync(Caller, [Guid.NewGuid()], "", Ct));
        var many = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Events.DeleteAsync(Caller, [.. Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid())], Ct));

        Assert.All([severity, status, blank, many], ex => Assert.Equal(ProviderErrorKind.Invalid, ex.Kind));
    }

    private async Task<IReadOnlyList<string>> ListAsync(EventQuery query)
    {
        query.Page.Order = "created_at asc";
        var page = await Local.Events.ListAsync(Caller, query, Ct);
        Assert.Equal(page.Data.Count, page.TotalCount);
        return [.. page.Data.Select(e => e.Description[..2])];
    }

    /// <summary>c1 c2 (connection/register), p1 p2 p3 (pattern/deploy), created in that order; p1 read.</summary>
    private async Task<Dictionary<string, Guid>> SeedAsync()
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        async Task Add(string key, string category, string action, string severity, string status = EventStatuses.Unread, Guid? actedUpon = null)
        {
            var created = await Local.Events.CreateAsync(
                Caller,
                new MesheryEvent
                {
                    Category = category,
                    Action = action,
                    Severity = severity,
                    Status = status,
                    ActedUpon = actedUpon,
                    Description = category == "pattern" ? $"{key} Deployed design" : $"{key} Registered connection",
                },
                Ct);
            ids[key] = created.Id;
        }

        await Add("c1", "connection", "register", EventSeverities.Informational, actedUpon: ClusterA);
        await Add("c2", "connection", "register", EventSeverities.Error);
        await Add("p1", "pattern", "deploy", EventSeverities.Success, EventStatuses.Read);
        await Add("p2", "pattern", "deploy", EventSeverities.Error);
        await Add("p3", "pattern", "deploy", EventSeverities.Critical, actedUpon: ClusterA);
        await Local.Events.CreateAsync(new ProviderCaller(Guid.NewGuid()), new MesheryEvent { Category = "other", Action = "user" }, Ct);
        return ids;
    }
}

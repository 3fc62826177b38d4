using System.Diagnostics;
using System.Globalization;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Paging;
using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage.Paging;

/// <summary>
/// Lists over more entities than one Table storage page holds (1,000): server-side pages walked with
/// continuation tokens, totals counted, the projection path for order and search. Timings are
/// reported, never asserted.
/// </summary>
public sealed class PagingTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    private const int Count = 1100;

    [Fact]
    public async Task ElevenHundredEnvironmentsPageExactly()
    {
        var store = Store<IEnvironmentStore>();
        var caller = StorageHarness.NewCaller();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(1, Count),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct },
            async (i, token) => await store.CreateAsync(caller, new EnvironmentPayload { Name = $"env-{i:D4}" }, token));
        Report($"created {Count} environments", clock);

        clock.Restart();
        var seen = new List<Guid>();
        for (var page = 0; page <= Count / 100; page++)
        {
            var result = await store.ListAsync(caller, new PageRequest { Page = page, PageSize = 100 }, null, Ct);
            Assert.Equal(Count, result.TotalCount);
            Assert.Equal(page < Count / 100 ? 100 : Count % 100, result.Environments.Count);
            seen.AddRange(result.Environments.Select(e => e.Id));
        }

        Report("walked 11 pages of 100 (key order, continuation tokens)", clock);
        Assert.Equal(Count, seen.Distinct().Count());
        var keyOrder = seen.Select(i => i.ToString("D")).Order(StringComparer.Ordinal).Select(Guid.Parse).ToArray();
        Assert.Equal(keyOrder, seen);

        clock.Restart();
        var first = await store.ListAsync(caller, new PageRequest { Page = 0, PageSize = 1000 }, null, Ct);
        var second = await store.ListAsync(caller, new PageRequest { Page = 1, PageSize = 1000 }, null, Ct);
        var beyond = await store.ListAsync(caller, new PageRequest { Page = 2, PageSize = 1000 }, null, Ct);
        var farBeyond = await store.ListAsync(caller, new PageRequest { Page = 50, PageSize = 100 }, null, Ct);
        Report("pages 0, 1, 2 of 1000 and page 50 of 100", clock);
        Assert.Equal(1000, first.Environments.Count);
        Assert.Equal(100, second.Environments.Count);
        Assert.Empty(beyond.Environments);
        Assert.Empty(farBeyond.Environments);
        Assert.All([first, second, beyond, farBeyond], p => Assert.Equal(Count, p.TotalCount));
        Assert.Equal(keyOrder, first.Environments.Concat(second.Environments).Select(e => e.Id));

        // A deep page in a fresh process (no remembered tokens) skips with RowKey-only pages.
        await using var fresh = await StorageHarness.StartAsync(Azurite, settings: new Dictionary<string, string?> { ["TablePrefix"] = Harness.Prefix });
        clock.Restart();
        var deep = await StoreIn(fresh).ListAsync(caller, new PageRequest { Page = 7, PageSize = 100 }, null, Ct);
        Report("page 7 of 100 without cached tokens", clock);
        Assert.Equal(keyOrder[700..800], deep.Environments.Select(e => e.Id));

        clock.Restart();
        var deepHere = await store.ListAsync(caller, new PageRequest { Page = 7, PageSize = 100 }, null, Ct);
        Report("page 7 of 100 again (cached token)", clock);
        Assert.Equal(keyOrder[700..800], deepHere.Environments.Select(e => e.Id));

        clock.Restart();
        var byName = await store.ListAsync(caller, new PageRequest { Page = 3, PageSize = 100, Order = "name desc" }, null, Ct);
        Report("page 3 of 100 ordered by name desc (projection)", clock);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"env-{Count - 300 - i:D4}"), byName.Environments.Select(e => e.Name));
        Assert.Equal(Count, byName.TotalCount);

        clock.Restart();
        var searched = await store.ListAsync(caller, new PageRequest { PageSize = 1000, Search = "ENV-10" }, null, Ct);
        Report("search over 1,100 (projection)", clock);
        Assert.Equal(100, searched.TotalCount);
        Assert.All(searched.Environments, e => Assert.StartsWith("env-10", e.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ElevenHundredEventsPageNewestFirst()
    {
        var store = Store<IEventStore>();
        var caller = StorageHarness.NewCaller();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Count),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct },
            async (i, token) => await store.CreateAsync(
                caller,
                new MesheryEvent
                {
                    Description = i.ToString("D4", CultureInfo.InvariantCulture),
                    Category = "test",
                    Action = i % 2 == 0 ? "even" : "odd",
                    Severity = i % 10 == 0 ? EventSeverities.Error : EventSeverities.Informational,
                    CreatedAt = start.AddSeconds(i),
                },
                token));
        Report($"created {Count} events", clock);

        clock.Restart();
        var descriptions = new List<string>();
        for (var page = 0; page <= Count / 100; page++)
        {
            var result = await store.ListAsync(caller, new EventQuery { Page = new PageRequest { Page = page, PageSize = 100 } }, Ct);
            Assert.Equal(Count, result.TotalCount);
            descriptions.AddRange(result.Data.Select(e => e.Description));
        }

        Report("walked 11 pages of 100 events (newest first, continuation tokens)", clock);
        Assert.Equal(Enumerable.Range(0, Count).Reverse().Select(i => i.ToString("D4", CultureInfo.InvariantCulture)), descriptions);

        clock.Restart();
        var big = await store.ListAsync(caller, new EventQuery { Page = new PageRequest { Page = 1, PageSize = 1000 } }, Ct);
        var beyond = await store.ListAsync(caller, new EventQuery { Page = new PageRequest { Page = 2, PageSize = 1000 } }, Ct);
        var errors = await store.ListAsync(caller, new EventQuery { Severity = [EventSeverities.Error], Page = new PageRequest { PageSize = 1000 } }, Ct);
        Report("page 1 and 2 of 1000 and a severity filter", clock);
        Assert.Equal(100, big.Data.Count);
        Assert.Equal("0099", big.Data[0].Description);
        Assert.Empty(beyond.Data);
        Assert.Equal(Count, beyond.TotalCount);
        Assert.Equal(110, errors.TotalCount);
        Assert.Equal([new SeverityCount(EventSeverities.Error, 110), new SeverityCount(EventSeverities.Informational, 990)], errors.CountBySeverityLevel);
    }

    private static void Report(string what, Stopwatch clock)
    {
        var line = $"paging: {what}: {clock.Elapsed.TotalMilliseconds:F0} ms";
        TestContext.Current.SendDiagnosticMessage(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }

    private static IEnvironmentStore StoreIn(StorageHarness harness) => harness.Get<IEnvironmentStore>();
}

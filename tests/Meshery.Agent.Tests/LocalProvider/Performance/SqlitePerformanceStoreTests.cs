using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Performance;

namespace Meshery.Agent.Tests.LocalProvider.Performance;

public sealed class SqlitePerformanceStoreTests : LocalProviderTest
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_profile_saves_reads_updates_and_lists()
    {
        var created = await Local.Profiles.SaveAsync(Caller, Profile("load-a"), null, Ct);
        var read = await Local.Profiles.GetAsync(Caller, created.Value.Id, Ct);
        var updated = await Local.Profiles.SaveAsync(Caller, read!.Value with { Qps = 99 }, read.ETag, Ct);
        var stale = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Profiles.SaveAsync(Caller, read.Value with { Qps = 1 }, read.ETag, Ct));
        await Local.Profiles.SaveAsync(Caller, Profile("load-b"), null, Ct);
        var page = await Local.Profiles.ListAsync(Caller, new PageRequest { Order = "name" }, Ct);

        Assert.NotEqual(Guid.Empty, created.Value.Id);
        Assert.Equal(Caller.UserId, created.Value.Owner);
        Assert.Equal(["fortio"], read.Value.LoadGenerators);
        Assert.Equal(["http://app.local/"], read.Value.Endpoints);
        Assert.Equal(0, read.Value.TotalResults);
        Assert.Equal(99, updated.Value.Qps);
        Assert.Equal(created.Value.CreatedAt, updated.Value.CreatedAt);
        Assert.Equal("\"2\"", updated.ETag);
        Assert.Equal(ProviderErrorKind.PreconditionFailed, stale.Kind);
        Assert.Equal(2, page.TotalCount);
        Assert.Equal(["load-a", "load-b"], page.Profiles.Select(p => p.Name));
        Assert.Equal(99, page.Profiles[0].Qps);
    }

    [Fact]
    public async Task Results_count_toward_their_profile_and_filter_by_time_window()
    {
        var profile = await Local.Profiles.SaveAsync(Caller, Profile("with-results"), null, Ct);
        var other = await Local.Profiles.SaveAsync(Caller, Profile("other"), null, Ct);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await Local.Results.CreateAsync(Caller, profile.Value.Id, Result($"run-{i}", T0.AddHours(i)), Ct));
        }

        var otherId = await Local.Results.CreateAsync(Caller, other.Value.Id, Result("elsewhere", T0.AddDays(-1)), Ct);

        var counted = await Local.Profiles.GetAsync(Caller, profile.Value.Id, Ct);
        var ofProfile = await Local.Results.ListAsync(Caller, new PerformanceResultQuery { ProfileId = profile.Value.Id }, Ct);
        var all = await Local.Results.ListAsync(Caller, new PerformanceResultQuery(), Ct);
        var window = await Local.Results.ListAsync(Caller, new PerformanceResultQuery { From = T0.AddMinutes(30), To = T0.AddHours(1) }, Ct);
        var from = await Local.Results.ListAsync(Caller, new PerformanceResultQuery { From = T0.AddHours(1) }, Ct);
        var to = await Local.Results.ListAsync(Caller, new PerformanceResultQuery { To = T0 }, Ct);
        var profiles = await Local.Profiles.ListAsync(Caller, new PageRequest { Order = "name" }, Ct);

        Assert.Equal(3, counted!.Value.TotalResults);
        Assert.Equal(T0.AddHours(2), counted.Value.LastRun);
        Assert.Equal(3, ofProfile.TotalCount);
        Assert.Equal(["run-2", "run-1", "run-0"], ofProfile.Results.Select(r => r.Name));
        Assert.All(ofProfile.Results, r => Assert.Equal(profile.Value.Id, r.PerformanceProfile));
        Assert.Equal(4, all.TotalCount);
        Assert.Equal("run-1", Assert.Single(window.Results).Name);
        Assert.Equal(["run-2", "run-1"], from.Results.Select(r => r.Name));
        Assert.Equal(["run-0", "elsewhere"], to.Results.Select(r => r.Name));
        Assert.Equal([1, 3], profiles.Profiles.Select(p => p.TotalResults));

        var result = await Local.Results.GetAsync(Caller, ids[1], Ct);
        Assert.Equal("run-1", result!.Name);
        Assert.Equal(T0.AddHours(1), result.TestStartTime);
        Assert.Equal(10.5, (double)result.RunnerResults!["qps"]!);
        Assert.NotNull(await Local.Results.GetAsync(Caller, otherId, Ct));
    }

    [Fact]
    public async Task Deleting_a_profile_deletes_its_results()
    {
        var profile = await Local.Profiles.SaveAsync(Caller, Profile("doomed"), null, Ct);
        var kept = await Local.Profiles.SaveAsync(Caller, Profile("kept"), null, Ct);
        var doomedResult = await Local.Results.CreateAsync(Caller, profile.Value.Id, Result("r1", T0), Ct);
        var keptResult = await Local.Results.CreateAsync(Caller, kept.Value.Id, Result("r2", T0), Ct);

        Assert.True(await Local.Profiles.DeleteAsync(Caller, profile.Value.Id, Ct));

        Assert.Null(await Local.Profiles.GetAsync(Caller, profile.Value.Id, Ct));
        Assert.Null(await Local.Results.GetAsync(Caller, doomedResult, Ct));
        Assert.NotNull(await Local.Results.GetAsync(Caller, keptResult, Ct));
        Assert.Equal(0, (await Local.Results.ListAsync(Caller, new PerformanceResultQuery { ProfileId = profile.Value.Id }, Ct)).TotalCount);
        Assert.False(await Local.Profiles.DeleteAsync(Caller, profile.Value.Id, Ct));
    }

    [Fact]
    public async Task A_result_for_an_unknown_profile_says_not_found()
    {
        var ex = await Assert.ThrowsAsync<ProviderException>(() => Local.Results.CreateAsync(Caller, Guid.NewGuid(), Result("x", T0), Ct));

        Assert.Equal(ProviderErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task Metrics_attach_to_an_existing_result()
    {
        var profile = await Local.Profiles.SaveAsync(Caller, Profile("metrics"), null, Ct);
        var id = await Local.Results.CreateAsync(Caller, profile.Value.Id, Result("m", T0), Ct);

        await Local.Results.SaveMetricsAsync(Caller, new PerformanceResult { MesheryId = id, ServerMetrics = new JsonObject { ["cpu"] = 0.5 } }, Ct);
        var missing = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Results.SaveMetricsAsync(Caller, new PerformanceResult { MesheryId = Guid.NewGuid() }, Ct));

        var read = await Local.Results.GetAsync(Caller, id, Ct);
        Assert.Equal(0.5, (double)read!.ServerMetrics!["cpu"]!);
        Assert.Equal(10.5, (double)read.RunnerResults!["qps"]!);
        Assert.Equal(ProviderErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task A_result_without_start_time_or_name_gets_both()
    {
        var profile = await Local.Profiles.SaveAsync(Caller, Profile("defaults"), null, Ct);

        var id = await Local.Results.CreateAsync(Caller, profile.Value.Id, new PerformanceResult(), Ct);

        var read = await Local.Results.GetAsync(Caller, id, Ct);
        Assert.NotNull(read!.TestStartTime);
        Assert.StartsWith("result ", read.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 1, "http://ok/")]
    [InlineData("p", -1, "http://ok/")]
    [InlineData("p", 1, "not a url")]
    public async Task Invalid_profiles_are_refused(string name, int qps, string endpoint)
    {
        var ex = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Profiles.SaveAsync(Caller, Profile(name) with { Qps = qps, Endpoints = [endpoint] }, null, Ct));

        Assert.Equal(ProviderErrorKind.Invalid, ex.Kind);
    }

    private static PerformanceProfile Profile(string name) => new()
    {
        Name = name,
        LoadGenerators = ["fortio"],
        Endpoints = ["http://app.local/"],
        ConcurrentRequest = 2,
        Qps = 10,
        Duration = "30s",
    };

    private static PerformanceResult Result(string name, DateTimeOffset start) => new()
    {
        Name = name,
        TestStartTime = start,
        RunnerResults = new JsonObject { ["qps"] = 10.5 },
    };
}

using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Performance;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary>
/// Results recorded under a profile (<c>persist-performance-profiles</c>), listed (<c>persist-results</c>),
/// read (<c>persist-result</c>) and given server metrics (<c>persist-metrics</c>).
/// </summary>
internal sealed class PerformanceResultChecks(ConformanceSession session) : CheckSuite(session)
{
    private Guid? _profile;
    private Guid? _result;

    public override string Name => "results";

    public override IReadOnlyList<string> Features => [Capabilities.Features.PersistPerformanceProfiles, Capabilities.Features.PersistResults];

    private string ResultName => Session.NameFor("results-main");

    public override IEnumerable<Check> Checks()
    {
        yield return Define("create", CreateCheckAsync);
        yield return Define("read", ReadCheckAsync);
        yield return Define("list", ListCheckAsync);
        yield return Define("metrics", MetricsCheckAsync);
        yield return Define("unknown-profile", async ct =>
        {
            var outcome = await Session.CallAsync(() => Session.Client.PerformanceResults.CreateAsync(Session.User, Guid.NewGuid(), new PerformanceResult { Name = ResultName }, ct));
            Session.ExpectStatus(outcome, 404);
            return $"{outcome.Exchange} -> 404";
        });
        yield return InvalidId(id => Session.Endpoint(RequireResultEndpoint(), "/" + id));
        yield return UnknownId(id => Session.Endpoint(RequireResultEndpoint(), "/" + id));
        yield return PageSize(query => Session.Endpoint(Capabilities.Features.PersistResults, query));
        yield return Define("isolation", IsolationCheckAsync);
    }

    public override async Task CleanupAsync(CancellationToken cancellationToken)
    {
        if (_profile is { } profile)
        {
            await Session.CallAsync(() => Session.Client.PerformanceProfiles.DeleteAsync(Session.User, profile, cancellationToken));
        }
    }

    private string RequireResultEndpoint() =>
        Session.Capabilities.Supports(Capabilities.Features.PersistResult)
            ? Capabilities.Features.PersistResult
            : throw CheckFailedException.Skipped($"'{Capabilities.Features.PersistResult}' is not advertised");

    private async Task<string> CreateCheckAsync(CancellationToken cancellationToken)
    {
        var profile = PerformanceProfileChecks.NewProfile(Session.NameFor("results-profile"));
        _profile = (await Session.Client.PerformanceProfiles.SaveAsync(Session.User, profile, null, cancellationToken)).Value.Id;
        var result = new PerformanceResult
        {
            Name = ResultName,
            Mesh = "none",
            TestStartTime = DateTimeOffset.UtcNow,
            RunnerResults = new JsonObject { ["RequestedQPS"] = "1", ["ActualQPS"] = 1.0 },
        };
        var outcome = await Session.CallAsync(() => Session.Client.PerformanceResults.CreateAsync(Session.User, _profile.Value, result, cancellationToken));
        var id = Session.Expect(outcome, 201);
        ConformanceSession.True(id != Guid.Empty, $"{outcome.Exchange} answered no id");
        _result = id;
        return $"{outcome.Exchange} -> 201 {{\"id\"}}";
    }

    private async Task<string> ReadCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_result, "results.create");
        RequireResultEndpoint();
        var outcome = await Session.CallAsync(() => Session.Client.PerformanceResults.GetAsync(Session.User, id, cancellationToken));
        var result = Session.Expect(outcome, 200);
        ConformanceSession.True(result.MesheryId == id && result.Name == ResultName, $"{outcome.Exchange} answered another result");
        ConformanceSession.True(result.PerformanceProfile == _profile, $"{outcome.Exchange} answered profile {result.PerformanceProfile}, not {_profile}");
        return $"{outcome.Exchange} -> 200";
    }

    private async Task<string> ListCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_result, "results.create");
        var all = await Session.CallAsync(() => Session.Client.PerformanceResults.ListAsync(
            Session.User, new PerformanceResultQuery { Page = new PageRequest { Search = Session.RunId } }, cancellationToken));
        ConformanceSession.True(Session.Expect(all, 200).Results.Any(r => r.MesheryId == id), $"{all.Exchange} does not list the result");
        var mine = await Session.CallAsync(() => Session.Client.PerformanceResults.ListAsync(
            Session.User, new PerformanceResultQuery { ProfileId = _profile }, cancellationToken));
        var page = Session.Expect(mine, 200);
        ConformanceSession.True(page.Results.Any(r => r.MesheryId == id) && page.TotalCount == 1, $"{mine.Exchange} answered {page.TotalCount} results, expected the 1 recorded");
        return $"{all.Exchange} and {mine.Exchange} -> 200 listing it";
    }

    private async Task<string> MetricsCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_result, "results.create");
        if (!Session.Capabilities.Supports(Capabilities.Features.PersistMetrics))
        {
            throw CheckFailedException.Skipped($"'{Capabilities.Features.PersistMetrics}' is not advertised");
        }

        var metrics = new PerformanceResult { MesheryId = id, ServerMetrics = new JsonObject { ["cpu"] = 0.5 } };
        var outcome = await Session.CallAsync(async () => { await Session.Client.PerformanceResults.SaveMetricsAsync(Session.User, metrics, cancellationToken); return true; });
        Session.Expect(outcome, 200);
        if (Session.Capabilities.Supports(Capabilities.Features.PersistResult))
        {
            var after = await Session.Client.PerformanceResults.GetAsync(Session.User, id, cancellationToken);
            ConformanceSession.True(after?.ServerMetrics?["cpu"] is not null, "the server metrics are not read back");
        }

        return $"{outcome.Exchange} -> 200, read back";
    }

    private async Task<string> IsolationCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_result, "results.create");
        var other = Session.RequireSecondUser();
        if (Session.Capabilities.Supports(Capabilities.Features.PersistResult))
        {
            Session.ExpectStatus(await Session.CallAsync(() => Session.Client.PerformanceResults.GetAsync(other, id, cancellationToken)), 404);
        }

        var list = await Session.Client.PerformanceResults.ListAsync(other, new PerformanceResultQuery { Page = new PageRequest { Search = Session.RunId } }, cancellationToken);
        ConformanceSession.True(list.Results.All(r => r.MesheryId != id), "the second user lists the first user's result");
        var outcome = await Session.CallAsync(() => Session.Client.PerformanceResults.CreateAsync(other, _profile!.Value, new PerformanceResult { Name = ResultName }, cancellationToken));
        Session.ExpectStatus(outcome, 404);
        return "the second user gets 404 reading the result or adding to the profile, and never lists it";
    }
}

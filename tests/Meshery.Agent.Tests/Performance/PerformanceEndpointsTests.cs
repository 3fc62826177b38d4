using System.Net;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints.Performance;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Agent.Tests.Performance;

public sealed class PerformanceEndpointsTests(AgentHost host) : IClassFixture<AgentHost>
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IPerformanceResultStore Results => host.Services.GetRequiredService<IPerformanceResultStore>();

    [Fact]
    public async Task Profiles_save_in_either_naming_read_update_and_delete()
    {
        var name = host.NextId("profile");
        using var snake = await host.Client.PostJsonAsync(
            "/api/user/performance/profiles",
            $$"""{"name":"{{name}}","load_generators":["fortio"],"endpoints":["http://svc.local/"],"concurrent_request":3,"qps":7,"duration":"15s","service_mesh":"istio"}""");
        var created = await snake.ReadOkAsync();
        var id = (string)created["id"]!;
        using var camel = await host.Client.PostJsonAsync(
            "/api/user/performance/profiles", $$"""{"name":"{{host.NextId("profile")}}","loadGenerators":["wrk2"],"concurrentRequest":4,"serviceMesh":"linkerd"}""");
        var other = await camel.ReadOkAsync();

        using var get = await host.Client.GetAsync($"/api/user/performance/profiles/{id}", Ct);
        var read = await get.ReadOkAsync();
        read["qps"] = 70;
        using var update = await host.Client.PostJsonAsync("/api/user/performance/profiles", read.ToJsonString(), AgentHttp.ETagOf(get));
        var updated = await update.ReadOkAsync();
        using var stale = await host.Client.PostJsonAsync("/api/user/performance/profiles", read.ToJsonString(), AgentHttp.ETagOf(get));
        var listed = await host.Client.GetOkAsync($"/api/user/performance/profiles?search={name}");
        using var delete = await host.Client.DeleteAsync($"/api/user/performance/profiles/{id}", Ct);
        using var deleteAgain = await host.Client.DeleteAsync($"/api/user/performance/profiles/{id}", Ct);

        Assert.Equal(["fortio"], created["loadGenerators"]!.AsArray().Select(g => (string?)g));
        Assert.Equal(3, (int)created["concurrentRequest"]!);
        Assert.Equal("istio", (string?)created["serviceMesh"]);
        Assert.Equal(4, (int)other["concurrentRequest"]!);
        Assert.Equal("linkerd", (string?)other["serviceMesh"]);
        Assert.Equal("\"1\"", AgentHttp.ETagOf(get));
        Assert.Equal(70, (int)updated["qps"]!);
        Assert.Equal("\"2\"", AgentHttp.ETagOf(update));
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(1, (int)listed["totalCount"]!);
        Assert.Equal(id, (string?)listed["profiles"]![0]!["id"]);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await deleteAgain.AssertProblemAsync(HttpStatusCode.NotFound, id);
    }

    [Fact]
    public async Task Results_list_per_profile_and_overall_within_a_time_window()
    {
        using var saved = await host.Client.PostJsonAsync("/api/user/performance/profiles", $$"""{"name":"{{host.NextId("results")}}"}""");
        var profileId = Guid.Parse((string)(await saved.ReadOkAsync())["id"]!);
        var resultIds = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            resultIds.Add(await Results.CreateAsync(
                LocalUser.Caller, profileId, new PerformanceResult { Name = $"run-{i}", TestStartTime = T0.AddMinutes(i), RunnerResults = new() { ["qps"] = i } }, Ct));
        }

        var ofProfile = await host.Client.GetOkAsync($"/api/user/performance/profiles/{profileId}/results?pagesize=2");
        var window = await host.Client.GetOkAsync(
            $"/api/user/performance/profiles/results?from={Uri.EscapeDataString(T0.AddSeconds(30).ToString("O"))}&to={Uri.EscapeDataString(T0.AddMinutes(2).ToString("O"))}");
        var profile = await host.Client.GetOkAsync($"/api/user/performance/profiles/{profileId}");
        var one = await host.Client.GetOkAsync($"/api/perf/profile/result/{resultIds[1]}");

        Assert.Equal(3, (int)ofProfile["totalCount"]!);
        Assert.Equal(["run-2", "run-1"], ofProfile["results"]!.AsArray().Select(r => (string?)r!["name"]));
        Assert.Equal(["run-2", "run-1"], window["results"]!.AsArray().Select(r => (string?)r!["name"]));
        Assert.Equal(3, (int)profile["totalResults"]!);
        Assert.Equal(T0.AddMinutes(2), DateTimeOffset.Parse((string)profile["lastRun"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("run-1", (string?)one["name"]);
        Assert.Equal(resultIds[1].ToString(), (string?)one["mesheryId"]);
        Assert.Equal(profileId.ToString(), (string?)one["performanceProfile"]);
        Assert.Equal(1, (int)one["runnerResults"]!["qps"]!);

        using var delete = await host.Client.DeleteAsync($"/api/user/performance/profiles/{profileId}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await host.Client.SendProblemAsync(HttpMethod.Get, $"/api/perf/profile/result/{resultIds[1]}", HttpStatusCode.NotFound, resultIds[1].ToString());
        await host.Client.SendProblemAsync(HttpMethod.Get, $"/api/user/performance/profiles/{profileId}/results", HttpStatusCode.NotFound, profileId.ToString());
    }

    [Fact]
    public async Task Bad_input_answers_problem_details()
    {
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/user/performance/profiles/results?from=yesterday", HttpStatusCode.BadRequest, "'from'");
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/user/performance/profiles/results?to=13:99", HttpStatusCode.BadRequest, "'to'");
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/user/performance/profiles?pagesize=5000", HttpStatusCode.BadRequest, "pagesize");
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/user/performance/profiles/xyz", HttpStatusCode.BadRequest, "must be a UUID");
        await host.Client.SendProblemAsync(HttpMethod.Get, $"/api/user/performance/profiles/{Guid.NewGuid()}", HttpStatusCode.NotFound, "was not found");
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/perf/profile/result/xyz", HttpStatusCode.BadRequest, "must be a UUID");
        await host.Client.SendProblemAsync(HttpMethod.Get, $"/api/perf/profile/result/{Guid.NewGuid()}", HttpStatusCode.NotFound, "was not found");
        await host.Client.SendProblemAsync(HttpMethod.Delete, $"/api/user/performance/profiles/{Guid.NewGuid()}", HttpStatusCode.NotFound, "was not found");
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/user/performance/profiles", HttpStatusCode.BadRequest, "'name' is required", """{"qps":1}""");
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/user/performance/profiles", HttpStatusCode.BadRequest, "absolute URL", """{"name":"n","endpoints":["nope"]}""");
    }
}

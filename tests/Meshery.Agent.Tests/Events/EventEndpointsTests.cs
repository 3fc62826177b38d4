using System.Net;
using System.Text.Json.Nodes;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Agent.Tests.Events;

/// <summary>Events have no create route; tests record them through the host's store as the agent itself would.</summary>
public sealed class EventEndpointsTests(AgentHost host) : IClassFixture<AgentHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IEventStore Store => host.Services.GetRequiredService<IEventStore>();

    [Fact]
    public async Task Lists_filter_and_count_over_http()
    {
        await ClearAsync();
        var category = host.NextId("cat");
        var target = Guid.NewGuid();
        await RecordAsync(category, "deploy", EventSeverities.Error);
        await RecordAsync(category, "deploy", EventSeverities.Error, actedUpon: target);
        await RecordAsync(category, "undeploy", EventSeverities.Warning, EventStatuses.Read);
        await RecordAsync(host.NextId("other"), "x", EventSeverities.Informational);

        var all = await host.Client.GetOkAsync($"/api/v2/events?category={category}&pagesize=2&page=0");
        var deploy = await host.Client.GetOkAsync($"/api/v2/events?category={category}&action=deploy");
        var severities = await host.Client.GetOkAsync($"/api/v2/events?category={category}&severity=warning,informational");
        var unread = await host.Client.GetOkAsync($"/api/v2/events?category={category}&status=unread");
        var acted = await host.Client.GetOkAsync($"/api/v2/events?acted_upon={target}");
        var actedCamel = await host.Client.GetOkAsync($"/api/v2/events?actedUpon={target}");

        Assert.Equal(3, (int)all["totalCount"]!);
        Assert.Equal(2, all["data"]!.AsArray().Count);
        Assert.Equal(2, (int)all["pageSize"]!);
        Assert.Equal(1, (int)all["readCount"]!);
        var counts = all["countBySeverityLevel"]!.AsArray().ToDictionary(c => (string)c!["severity"]!, c => (int)c!["count"]!);
        Assert.Equal(new Dictionary<string, int> { ["error"] = 2, ["informational"] = 1 }, counts);
        Assert.Equal(2, (int)deploy["totalCount"]!);
        Assert.Equal("undeploy", (string?)Assert.Single(severities["data"]!.AsArray())!["action"]);
        Assert.Equal(2, (int)unread["totalCount"]!);
        Assert.Equal(target.ToString(), (string?)Assert.Single(acted["data"]!.AsArray())!["actedUpon"]);
        Assert.Equal(1, (int)actedCamel["totalCount"]!);
    }

    [Fact]
    public async Task Types_list_category_and_action_pairs()
    {
        var category = host.NextId("types");
        await RecordAsync(category, "b-action", EventSeverities.Success);
        await RecordAsync(category, "a-action", EventSeverities.Success);
        await RecordAsync(category, "a-action", EventSeverities.Debug);

        var types = await host.Client.GetOkAsync("/api/v2/events/types");

        var mine = types.AsArray().Where(t => (string?)t!["category"] == category).Select(t => (string?)t!["action"]);
        Assert.Equal(["a-action", "b-action"], mine);
    }

    [Fact]
    public async Task One_event_status_changes_and_it_deletes()
    {
        var created = await RecordAsync(host.NextId("one"), "a", EventSeverities.Alert);

        using var read = await host.Client.PutJsonAsync($"/api/events/status/{created.Id}", """{"status":"read"}""");
        var body = await read.ReadOkAsync();
        using var delete = await host.Client.DeleteAsync($"/api/events/{created.Id}", Ct);
        using var deleteAgain = await host.Client.DeleteAsync($"/api/events/{created.Id}", Ct);

        Assert.Equal("read", (string?)body["status"]);
        Assert.Equal(created.Id.ToString(), (string?)body["id"]);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        await deleteAgain.AssertProblemAsync(HttpStatusCode.NotFound, created.Id.ToString());
        await host.Client.SendProblemAsync(HttpMethod.Put, $"/api/events/status/{created.Id}", HttpStatusCode.NotFound, created.Id.ToString(), """{"status":"unread"}""");
    }

    [Fact]
    public async Task Bulk_status_and_delete_answer_how_many_changed()
    {
        var category = host.NextId("bulk");
        var a = await RecordAsync(category, "x", EventSeverities.Error);
        var b = await RecordAsync(category, "x", EventSeverities.Error);
        var c = await RecordAsync(category, "x", EventSeverities.Error);

        using var status = await host.Client.PutJsonAsync("/api/events/status/bulk", $$"""{"ids":["{{a.Id}}","{{b.Id}}","{{Guid.NewGuid()}}"],"status":"read"}""");
        var statusBody = await status.ReadOkAsync();
        var readOnes = await host.Client.GetOkAsync($"/api/v2/events?category={category}&status=read");
        using var delete = await host.Client.SendAsync(HttpMethod.Delete, "/api/events/bulk", $$"""{"ids":["{{a.Id}}","{{c.Id}}"]}""");
        var deleteBody = await delete.ReadOkAsync();
        var left = await host.Client.GetOkAsync($"/api/v2/events?category={category}");

        Assert.Equal(2, (int)statusBody["count"]!);
        Assert.Equal(2, (int)readOnes["totalCount"]!);
        Assert.Equal(2, (int)deleteBody["count"]!);
        Assert.Equal(b.Id.ToString(), (string?)Assert.Single(left["data"]!.AsArray())!["id"]);
    }

    [Fact]
    public async Task Bad_input_answers_problem_details()
    {
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/v2/events?severity=apocalyptic", HttpStatusCode.BadRequest, "'severity' has the unknown value 'apocalyptic'");
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/v2/events?status=maybe", HttpStatusCode.BadRequest, "'status' must be 'read' or 'unread'");
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/v2/events?actedUpon=nope", HttpStatusCode.BadRequest, "actedUpon");
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/v2/events?page=-1", HttpStatusCode.BadRequest, "'page'");
        await host.Client.SendProblemAsync(HttpMethod.Put, "/api/events/status/xyz", HttpStatusCode.BadRequest, "must be a UUID", """{"status":"read"}""");
        await host.Client.SendProblemAsync(HttpMethod.Put, $"/api/events/status/{Guid.NewGuid()}", HttpStatusCode.BadRequest, "status", """{"status":"seen"}""");
        await host.Client.SendProblemAsync(HttpMethod.Put, "/api/events/status/bulk", HttpStatusCode.BadRequest, "'status' is required", $$"""{"ids":["{{Guid.NewGuid()}}"]}""");
        await host.Client.SendProblemAsync(HttpMethod.Put, "/api/events/status/bulk", HttpStatusCode.BadRequest, "not valid JSON", """{"ids":["not-a-guid"],"status":"read"}""");
        await host.Client.SendProblemAsync(HttpMethod.Delete, "/api/events/xyz", HttpStatusCode.BadRequest, "must be a UUID");
        await host.Client.SendProblemAsync(
            HttpMethod.Delete, "/api/events/bulk", HttpStatusCode.BadRequest, "At most 1000",
            new JsonObject { ["ids"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(_ => JsonValue.Create(Guid.NewGuid()))]) }.ToJsonString());
    }

    private Task<MesheryEvent> RecordAsync(string category, string action, string severity, string status = EventStatuses.Unread, Guid? actedUpon = null) =>
        Store.CreateAsync(
            LocalUser.Caller,
            new MesheryEvent { Category = category, Action = action, Severity = severity, Status = status, ActedUpon = actedUpon, Description = $"{category} {action}" },
            Ct);

    /// <summary>Counts cover all of the user's events, so a counting test starts from none.</summary>
    private async Task ClearAsync()
    {
        var page = await Store.ListAsync(LocalUser.Caller, new EventQuery { Page = new() { PageSize = 1000 } }, Ct);
        await Store.DeleteAsync(LocalUser.Caller, [.. page.Data.Select(e => e.Id)], Ct);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Meshery.Testing.CloudEvents;

namespace Meshery.Provider.Tests.Api;

public abstract partial class ProviderApiSuite
{
    private const int SyncTimeout = 60_000;

    public static TheoryData<string> ConformanceCases => new(CloudEventsConformance.Keys());

    [Theory(Timeout = SyncTimeout)]
    [MemberData(nameof(ConformanceCases))]
    public async Task Sync_ingestion_accepts_every_valid_conformance_case_and_refuses_every_invalid_one(string key)
    {
        var test = CloudEventsConformance.Find(key);
        var (_, token) = NewUser();

        using var response = await PostEventsAsync(token, test.Json, test.MediaType, TestContext.Current.CancellationToken);

        if (test.Valid)
        {
            var receipt = await JsonAsync(response, HttpStatusCode.OK);
            var count = test.IsBatch ? JsonNode.Parse(test.Json)!.AsArray().Count : 1;
            Assert.Equal(count, (int)receipt["received"]!);
            Assert.Equal(count, (int)receipt["ignored"]!);
            Assert.Equal(0, (int)receipt["applied"]!);
        }
        else
        {
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains("event", (string)problem["detail"]!, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact(Timeout = SyncTimeout)]
    public async Task Sync_events_are_applied_to_the_callers_data_once_in_order_and_a_replay_changes_nothing()
    {
        var (_, token) = NewUser();
        var (_, otherToken) = NewUser();
        var environment = Guid.NewGuid();
        var design = Guid.NewGuid();
        var batch = SyncBatch(
            SyncEvent("io.meshery.environment.created", environment, $$"""{"id":"{{environment}}","name":"first","description":"d"}"""),
            SyncEvent("io.meshery.environment.updated", environment, $$"""{"id":"{{environment}}","name":"second","description":"d"}"""),
            SyncEvent("io.meshery.design.created", design, $$"""{"id":"{{design}}","name":"gone","patternFile":"name: x"}"""),
            SyncEvent("io.meshery.design.deleted", design, null),
            SyncEvent("io.meshery.preferences.updated", Guid.NewGuid(), """{"anonymousUsageStats":true,"selectedOrganizationId":"synced"}"""));

        using var first = await PostEventsAsync(token, batch, "application/cloudevents-batch+json", TestContext.Current.CancellationToken);
        var receipt = await JsonAsync(first, HttpStatusCode.OK);
        Assert.Equal(5, (int)receipt["applied"]!);

        using var env = await SendAsync(HttpMethod.Get, $"api/environments/{environment}", token);
        Assert.Equal("second", (string?)(await JsonAsync(env, HttpStatusCode.OK))["name"]);
        using var gone = await SendAsync(HttpMethod.Get, $"api/content/patterns/{design}", token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var prefs = await SendAsync(HttpMethod.Get, "user/preferences", token);
        Assert.Equal("synced", (string?)(await JsonAsync(prefs, HttpStatusCode.OK))["selectedOrganizationId"]);

        // The user renames it at the provider; the same batch sent again must not undo that.
        using var renamed = await SendAsync(HttpMethod.Put, $"api/environments/{environment}", token, rawJson: """{"name":"third"}""");
        await JsonAsync(renamed, HttpStatusCode.OK);
        using var replay = await PostEventsAsync(token, batch, "application/cloudevents-batch+json", TestContext.Current.CancellationToken);
        var again = await JsonAsync(replay, HttpStatusCode.OK);
        Assert.Equal(0, (int)again["applied"]!);
        Assert.Equal(5, (int)again["duplicates"]!);
        using var still = await SendAsync(HttpMethod.Get, $"api/environments/{environment}", token);
        Assert.Equal("third", (string?)(await JsonAsync(still, HttpStatusCode.OK))["name"]);

        // Another tenant sees none of it.
        using var theirs = await SendAsync(HttpMethod.Get, $"api/environments/{environment}", otherToken);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Fact(Timeout = SyncTimeout)]
    public async Task A_sync_event_cannot_choose_another_tenant()
    {
        var (victim, victimToken) = NewUser();
        var (_, token) = NewUser();
        var environment = Guid.NewGuid();
        var batch = SyncBatch(SyncEvent(
            "io.meshery.environment.created", environment, $$"""{"id":"{{environment}}","name":"planted","owner":"{{victim}}"}"""));

        using var response = await PostEventsAsync(token, batch, "application/cloudevents-batch+json", TestContext.Current.CancellationToken);
        await JsonAsync(response, HttpStatusCode.OK);

        using var victims = await SendAsync(HttpMethod.Get, $"api/environments/{environment}", victimToken);
        Assert.Equal(HttpStatusCode.NotFound, victims.StatusCode);
        using var own = await SendAsync(HttpMethod.Get, $"api/environments/{environment}", token);
        var stored = await JsonAsync(own, HttpStatusCode.OK);
        Assert.NotEqual(victim.ToString("D"), (string?)stored["owner"]);
    }

    [Fact(Timeout = SyncTimeout)]
    public async Task Sync_ingestion_refuses_what_it_cannot_apply_and_applies_none_of_the_batch()
    {
        var (_, token) = NewUser();
        var environment = Guid.NewGuid();
        var batch = SyncBatch(
            SyncEvent("io.meshery.environment.created", environment, $$"""{"id":"{{environment}}","name":"kept out"}"""),
            SyncEvent("io.meshery.unknown.created", Guid.NewGuid(), "{}"));

        using var unknown = await PostEventsAsync(token, batch, "application/cloudevents-batch+json", TestContext.Current.CancellationToken);
        var problem = await ProblemAsync(unknown, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("io.meshery.unknown.created", (string)problem["detail"]!, StringComparison.Ordinal);
        using var env = await SendAsync(HttpMethod.Get, $"api/environments/{environment}", token);
        Assert.Equal(HttpStatusCode.NotFound, env.StatusCode);

        using var noSubject = await PostEventsAsync(
            token, SyncBatch(SyncEvent("io.meshery.design.created", null, """{"name":"x"}""")), "application/cloudevents-batch+json", TestContext.Current.CancellationToken);
        await ProblemAsync(noSubject, HttpStatusCode.UnprocessableEntity);
    }

    [Fact(Timeout = SyncTimeout)]
    public async Task Sync_ingestion_needs_a_token_a_cloudevents_media_type_and_a_bounded_body()
    {
        var (_, token) = NewUser();
        var minimal = """[{"specversion":"1.0","id":"a","type":"io.cloudevents.test","source":"/s"}]""";

        using var anonymous = await PostEventsAsync(null, minimal, "application/cloudevents-batch+json", TestContext.Current.CancellationToken);
        await ProblemAsync(anonymous, HttpStatusCode.Unauthorized);

        using var text = await PostEventsAsync(token, minimal, "text/plain", TestContext.Current.CancellationToken);
        await ProblemAsync(text, HttpStatusCode.UnsupportedMediaType);

        var huge = "[" + string.Join(',', Enumerable.Repeat(
            $$"""{"specversion":"1.0","id":"a","type":"io.cloudevents.test","source":"/s","data":"{{new string('x', 64 * 1024)}}"}""", 80)) + "]";
        using var tooLarge = await PostEventsAsync(token, huge, "application/cloudevents-batch+json", TestContext.Current.CancellationToken);
        await ProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact(Timeout = SyncTimeout)]
    public async Task The_capabilities_document_lists_sync_ingestion()
    {
        using var response = await Provider.Client.GetAsync(new Uri("capabilities", UriKind.Relative), TestContext.Current.CancellationToken);

        var document = await JsonAsync(response, HttpStatusCode.OK);
        Assert.Contains(
            document["capabilities"]!.AsArray(),
            c => (string?)c!["feature"] == "sync-events" && (string?)c["endpoint"] == "/api/sync/events");
    }

    private async Task<HttpResponseMessage> PostEventsAsync(string? token, string body, string mediaType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/sync/events", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8),
        };

        // As careful clients do, ask before sending: an oversized body is refused on its declared length.
        request.Headers.ExpectContinue = true;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Provider.Client.SendAsync(request, cancellationToken);
    }

    private static string SyncBatch(params string[] events) => "[" + string.Join(',', events) + "]";

    private static string SyncEvent(string type, Guid? subject, string? data) =>
        $$"""
        {"specversion":"1.0","id":"{{Guid.NewGuid()}}","type":"{{type}}","source":"/agents/test",{{(subject is { } s ? $"\"subject\":\"{s}\"," : "")}}"time":"2026-01-01T00:00:00Z"{{(data is null ? "" : $",\"datacontenttype\":\"application/json\",\"data\":{data}")}}}
        """;
}

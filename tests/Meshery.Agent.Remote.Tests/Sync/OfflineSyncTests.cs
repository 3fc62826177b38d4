using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Meshery.Agent.Remote.Tests.Support;
using Meshery.Testing.Storage;
using Microsoft.Data.Sqlite;

namespace Meshery.Agent.Remote.Tests.Sync;

/// <summary>
/// Changes made offline on an agent (Local provider, no session) reach the hosted provider once a user with a
/// session shows up: in order, exactly once, even when the agent dies after the provider applied a batch but
/// before the agent recorded it, and only in that user's data.
/// </summary>
[Collection(RemoteStackCollection.Name)]
public sealed class OfflineSyncTests(RemoteStackFixture stack)
{
    private static readonly Dictionary<string, string> FastSync = new(StringComparer.Ordinal)
    {
        ["Meshery:Agent:Sync:MaxBatchEvents"] = "3",
        ["Meshery:Agent:Sync:PollInterval"] = "00:00:00.100",
        ["Meshery:Agent:Sync:MinBackoff"] = "00:00:00.100",
        ["Meshery:Agent:Sync:MaxBackoff"] = "00:00:01",
    };

    [Fact(Timeout = TestLimits.Test)]
    public async Task Offline_changes_reach_the_provider_in_order_exactly_once_across_a_crash_mid_batch()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        using var user = new AgentSession(stack);
        await user.SignInAsync();
        using var other = new AgentSession(stack);
        await other.SignInAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];

        // The first agent: its second batch reaches the provider, and then the agent "dies" before hearing back.
        var cut = new DeliveryCut(batch: 2);
        var first = new AgentUnderTest(folder.Path);
        Guid e1, e2, e3, e4;
        try
        {
            await first.StartAsync(stack.Provider, FastSync, () => new CutAfterDelivery(cut));
            using var offline = new HttpClient { BaseAddress = first.BaseAddress };
            e1 = await CreateEnvironmentAsync(offline, $"{tag}-one", ct);
            await RenameEnvironmentAsync(offline, e1, $"{tag}-one-renamed", ct);
            e2 = await CreateEnvironmentAsync(offline, $"{tag}-two", ct);
            e3 = await CreateEnvironmentAsync(offline, $"{tag}-three", ct);
            using (var deleted = await offline.DeleteAsync($"/api/environments/{e2}", ct))
            {
                Assert.True(deleted.IsSuccessStatusCode, $"delete answered {(int)deleted.StatusCode}");
            }

            e4 = await CreateEnvironmentAsync(offline, $"{tag}-four", ct);
            await RenameEnvironmentAsync(offline, e4, $"{tag}-four-renamed", ct);
            using var prefs = await offline.PostAsync("/api/user/prefs", Json($$"""{"selectedOrganizationId":"{{tag}}"}"""), ct);
            Assert.Equal(HttpStatusCode.OK, prefs.StatusCode);

            // Nothing goes out before a session: the user is offline.
            var waiting = await StatusAsync(offline, ct);
            Assert.Equal("waiting-for-session", (string?)waiting["state"]);
            Assert.Equal(8, (long)waiting["pending"]!);
            Assert.Equal(0, cut.Posts);

            await ShowSessionAsync(first, user.Token!, ct);
            await cut.Delivered.Task.WaitAsync(ct);
        }
        finally
        {
            await first.DisposeAsync();
        }

        // The second agent on the same files: the unacknowledged batch goes again and the provider skips it.
        var second = new AgentUnderTest(folder.Path);
        try
        {
            await second.StartAsync(stack.Provider, FastSync);
            using var local = new HttpClient { BaseAddress = second.BaseAddress };
            var restarted = await StatusAsync(local, ct);
            Assert.Equal(5, (long)restarted["pending"]!);

            await ShowSessionAsync(second, user.Token!, ct);
            var done = await Eventually.HoldsAsync(
                () => StatusAsync(local, ct), s => (long)s["pending"]! == 0, "every change sent", ct, seconds: 60);
            Assert.Equal(5, (long)done["sent"]!);
            Assert.Equal(3, (long)done["duplicates"]!);
            Assert.NotNull(done["lastSuccess"]);
        }
        finally
        {
            await second.DisposeAsync();
        }

        var mine = (await ProviderGetAsync(user.Token!, "/api/environments?pagesize=100", ct))["environments"]!.AsArray()
            .Where(e => ((string?)e!["name"])!.StartsWith(tag, StringComparison.Ordinal))
            .ToDictionary(e => Guid.Parse((string)e!["id"]!), e => (string)e!["name"]!);
        Assert.Equal(
            new Dictionary<Guid, string> { [e1] = $"{tag}-one-renamed", [e3] = $"{tag}-three", [e4] = $"{tag}-four-renamed" },
            mine);
        Assert.Equal(tag, (string?)(await ProviderGetAsync(user.Token!, "/user/preferences", ct))["selectedOrganizationId"]);

        var theirs = (await ProviderGetAsync(other.Token!, "/api/environments?pagesize=100", ct))["environments"]!.AsArray();
        Assert.DoesNotContain(theirs, e => ((string?)e!["name"])!.StartsWith(tag, StringComparison.Ordinal));
        Assert.NotEqual(tag, (string?)(await ProviderGetAsync(other.Token!, "/user/preferences", ct))["selectedOrganizationId"]);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_change_the_provider_refuses_is_set_aside_and_the_changes_behind_it_go_on()
    {
        var ct = TestContext.Current.CancellationToken;
        using var user = new AgentSession(stack);
        await user.SignInAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var agent = new AgentUnderTest();
        await agent.StartAsync(stack.Provider, FastSync);
        using var offline = new HttpClient { BaseAddress = agent.BaseAddress };

        // A design of 5 MiB is fine offline (the Local provider keeps up to 16 MiB), but its event is over the
        // provider's 4 MiB sync limit: the provider answers 413 for it however often it is sent.
        var before = await CreateEnvironmentAsync(offline, $"{tag}-before", ct);
        var design = new JsonObject
        {
            ["name"] = $"{tag}-big",
            ["patternData"] = new JsonObject { ["patternFile"] = "name: big\n# " + new string('x', 5 * 1024 * 1024) + "\n" },
            ["save"] = true,
        };
        using (var saved = await offline.PostAsync("/api/pattern", Json(design.ToJsonString()), ct))
        {
            Assert.True(saved.IsSuccessStatusCode, $"saving the design answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync(ct)}");
        }

        var after = await CreateEnvironmentAsync(offline, $"{tag}-after", ct);
        Assert.Equal(3, (long)(await StatusAsync(offline, ct))["pending"]!);

        await ShowSessionAsync(agent, user.Token!, ct);
        var done = await Eventually.HoldsAsync(
            () => StatusAsync(offline, ct), s => (long)s["pending"]! == 0, "every change sent or set aside", ct, seconds: 60);

        Assert.Equal(1, (long)done["rejected"]!);
        Assert.Equal(2, (long)done["sent"]!);
        Assert.Contains("413", (string?)done["lastError"], StringComparison.Ordinal);
        using var listed = await offline.GetAsync("/api/system/sync/rejected", ct);
        var rejected = Assert.Single(JsonNode.Parse(await listed.Content.ReadAsStringAsync(ct))!.AsArray())!;
        Assert.Equal("io.meshery.design.created", (string?)rejected["type"]);
        Assert.StartsWith("the provider answered 413", (string?)rejected["reason"], StringComparison.Ordinal);
        Assert.Null(rejected["data"]);
        var mine = (await ProviderGetAsync(user.Token!, "/api/environments?pagesize=100", ct))["environments"]!.AsArray()
            .Where(e => ((string?)e!["name"])!.StartsWith(tag, StringComparison.Ordinal))
            .Select(e => Guid.Parse((string)e!["id"]!))
            .ToHashSet();
        Assert.Equal([before, after], mine);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_batch_refused_for_one_change_is_split_until_that_change_stands_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        using var user = new AgentSession(stack);
        await user.SignInAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var agent = new AgentUnderTest(folder.Path);
        await agent.StartAsync(stack.Provider, FastSync);
        using var offline = new HttpClient { BaseAddress = agent.BaseAddress };
        var first = await CreateEnvironmentAsync(offline, $"{tag}-first", ct);
        var second = await CreateEnvironmentAsync(offline, $"{tag}-second", ct);
        var third = await CreateEnvironmentAsync(offline, $"{tag}-third", ct);

        // The middle change becomes one this provider cannot apply (as an event from a newer agent might be):
        // the whole batch of three is refused with 422.
        await using (var database = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "mesherydb.sql")}"))
        {
            await database.OpenAsync(ct);
            await using var spoil = database.CreateCommand();
            spoil.CommandText = "UPDATE sync_outbox SET subject = 'not-an-id' WHERE subject = $id;";
            spoil.Parameters.AddWithValue("$id", second.ToString());
            Assert.Equal(1, await spoil.ExecuteNonQueryAsync(ct));
        }

        await ShowSessionAsync(agent, user.Token!, ct);
        var done = await Eventually.HoldsAsync(
            () => StatusAsync(offline, ct), s => (long)s["pending"]! == 0, "every change sent or set aside", ct, seconds: 60);

        Assert.Equal(1, (long)done["rejected"]!);
        Assert.Equal(2, (long)done["sent"]!);
        Assert.Contains("422", (string?)done["lastError"], StringComparison.Ordinal);
        var mine = (await ProviderGetAsync(user.Token!, "/api/environments?pagesize=100", ct))["environments"]!.AsArray()
            .Where(e => ((string?)e!["name"])!.StartsWith(tag, StringComparison.Ordinal))
            .Select(e => Guid.Parse((string)e!["id"]!))
            .ToHashSet();
        Assert.Equal([first, third], mine);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task The_sync_status_shows_a_refused_session_and_keeps_the_changes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = new AgentUnderTest();
        await agent.StartAsync(stack.Provider, FastSync);
        using var local = new HttpClient { BaseAddress = agent.BaseAddress };
        await CreateEnvironmentAsync(local, "kept-" + Guid.NewGuid().ToString("N")[..8], ct);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/system/sync");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-session");
        using var refused = await local.SendAsync(request, ct);
        var status = await StatusAsync(local, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True((bool)status["enabled"]!);
        Assert.Equal("waiting-for-session", (string?)status["state"]);
        Assert.Equal(1, (long)status["pending"]!);
    }

    private static async Task<Guid> CreateEnvironmentAsync(HttpClient client, string name, CancellationToken ct)
    {
        using var created = await client.PostAsync("/api/environments", Json($$"""{"name":"{{name}}"}"""), ct);
        var body = await created.Content.ReadAsStringAsync(ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"create answered {(int)created.StatusCode}: {body}");
        return Guid.Parse((string)JsonNode.Parse(body)!["id"]!);
    }

    private static async Task RenameEnvironmentAsync(HttpClient client, Guid id, string name, CancellationToken ct)
    {
        using var renamed = await client.PutAsync($"/api/environments/{id}", Json($$"""{"name":"{{name}}"}"""), ct);
        Assert.True(renamed.IsSuccessStatusCode, $"rename answered {(int)renamed.StatusCode}");
    }

    private static async Task<JsonNode> StatusAsync(HttpClient client, CancellationToken ct)
    {
        using var response = await client.GetAsync("/api/system/sync", ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sync status answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>A request that carries the user's session, as the browser's next call would; the agent checks it and keeps it for the sender.</summary>
    private static async Task ShowSessionAsync(AgentUnderTest agent, string token, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = agent.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/system/sync");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<JsonNode> ProviderGetAsync(string token, string path, CancellationToken ct) => stack.ProviderGetAsync(token, path, ct);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Which sync batch to cut, and the signal that the provider has it.</summary>
    private sealed class DeliveryCut(int batch)
    {
        private int _posts;

        public TaskCompletionSource Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Posts => Volatile.Read(ref _posts);

        public bool IsCut() => Interlocked.Increment(ref _posts) == batch;
    }

    /// <summary>
    /// Lets the provider receive and apply the cut sync batch, then never gives the agent the answer (as if the
    /// agent died right then); the agent is stopped while it waits.
    /// </summary>
    private sealed class CutAfterDelivery(DeliveryCut cut) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath != "/api/sync/events" || !cut.IsCut())
            {
                return await base.SendAsync(request, cancellationToken);
            }

            using var answer = await base.SendAsync(request, cancellationToken);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            cut.Delivered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException(cancellationToken);
        }
    }
}

using System.Text.Json.Nodes;
using Meshery.Agent.LocalProvider.Outbox;
using Meshery.Agent.Sync;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Preferences;

namespace Meshery.Agent.Tests.LocalProvider.Outbox;

/// <summary>The outbox is written by the change's own transaction: always with it, never without it.</summary>
public sealed class OutboxTests : IAsyncDisposable
{
    private const int Limit = 30_000;
    private const string Source = "/agents/3f1c9a52-0000-4000-8000-000000000001";
    private readonly TempFolder _folder = new();
    private readonly ProviderCaller _caller = new(Guid.NewGuid());
    private LocalProviderHarness _local;

    public OutboxTests()
    {
        _local = Open(enabled: true, maxRows: 1000);
    }

    [Fact(Timeout = Limit)]
    public async Task Every_change_through_the_stores_appends_its_event_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var env = await _local.Environments.CreateAsync(_caller, new EnvironmentPayload { Name = "dev" }, ct);
        await _local.Environments.UpdateAsync(_caller, env.Value.Id, new EnvironmentPayload { Name = "dev-2" }, null, ct);
        await _local.Preferences.SaveAsync(_caller, new UserPreferences { AnonymousUsageStats = true }, null, ct);
        var credential = await _local.Credentials.CreateAsync(_caller, new CredentialPayload { Name = "token", Secret = new JsonObject { ["t"] = "s" } }, ct);
        var connection = await _local.Connections.SaveAsync(
            _caller, new ConnectionPayload { Name = "c", Kind = "kubernetes", Type = "platform", SubType = "orchestrator", CredentialId = credential.Value.Id }, ct);
        var design = await _local.Designs.SaveAsync(_caller, new Design { Name = "d", PatternFile = "name: d" }, null, ct);
        var meshery = await _local.Events.CreateAsync(_caller, new MesheryEvent { Category = "c", Action = "a", Description = "e" }, ct);
        var profile = await _local.Profiles.SaveAsync(_caller, new PerformanceProfile { Name = "p" }, null, ct);
        var result = await _local.Results.CreateAsync(_caller, profile.Value.Id, new PerformanceResult { Name = "r" }, ct);
        await _local.Designs.DeleteAsync(_caller, design.Value.Id, ct);
        await _local.Environments.DeleteAsync(_caller, env.Value.Id, ct);

        var rows = await _local.Outbox.ReadAsync(100, ct);

        Assert.Equal(
            [
                "io.meshery.environment.created", "io.meshery.environment.updated", "io.meshery.preferences.created",
                "io.meshery.credential.created", "io.meshery.credential.updated", "io.meshery.connection.created",
                "io.meshery.design.created", "io.meshery.event.created", "io.meshery.performanceprofile.created",
                "io.meshery.performanceresult.created", "io.meshery.design.deleted", "io.meshery.environment.deleted",
            ],
            rows.Select(r => r.Type));
        Assert.Equal(rows.Select(r => r.Seq).Order(), rows.Select(r => r.Seq));
        Assert.All(rows, r =>
        {
            Assert.True(Guid.TryParse(r.EventId, out var id) && id.ToString("D")[14] == '4', $"'{r.EventId}' is not a UUID v4");
            Assert.Equal(Source, r.Source);
            Assert.Equal(_caller.UserId, r.Owner);
        });
        Assert.Equal(rows.Count, rows.Select(r => r.EventId).Distinct().Count());
        Assert.Equal(env.Value.Id.ToString("D"), rows[1].Subject);
        Assert.Equal("dev-2", (string?)JsonNode.Parse(rows[1].Data!)!["name"]);
        Assert.Equal(env.Value.OrganizationId?.ToString("D"), rows[1].OrganizationId);
        Assert.Equal(connection.Value.Id.ToString("D"), rows[5].Subject);
        Assert.Equal(meshery.Id.ToString("D"), rows[7].Subject);
        Assert.Equal(result.ToString("D"), rows[9].Subject);
        Assert.Null(rows[^1].Data);
        Assert.Equal(env.Value.Id.ToString("D"), rows[^1].Subject);
    }

    [Fact(Timeout = Limit)]
    public async Task A_change_that_fails_or_rolls_back_leaves_no_event()
    {
        var ct = TestContext.Current.CancellationToken;
        var env = await _local.Environments.CreateAsync(_caller, new EnvironmentPayload { Name = "dev" }, ct);
        var credential = await _local.Credentials.CreateAsync(_caller, new CredentialPayload { Name = "a" }, ct);
        var before = await _local.Outbox.CountAsync(ct);

        var stale = await Assert.ThrowsAsync<ProviderException>(() =>
            _local.Environments.UpdateAsync(_caller, env.Value.Id, new EnvironmentPayload { Name = "lost" }, "\"99\"", ct));
        var duplicate = await Assert.ThrowsAsync<ProviderException>(() =>
            _local.Credentials.CreateAsync(_caller, new CredentialPayload { Id = credential.Value.Id, Name = "again" }, ct));
        await using (var connection = await _local.Database.OpenAsync(ct))
        await using (var transaction = connection.BeginTransaction())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO designs (id, owner, name, visibility, document, version, created_at, updated_at)
                VALUES ('5b0ee3a4-0000-4000-8000-000000000001', $owner, 'x', 'private', '{}', 1, 't', 't');
                """;
            insert.Parameters.AddWithValue("$owner", _caller.UserId.ToString("D"));
            await insert.ExecuteNonQueryAsync(ct);
            await transaction.RollbackAsync(ct);
        }

        Assert.Equal(ProviderErrorKind.PreconditionFailed, stale.Kind);
        Assert.Equal(ProviderErrorKind.Conflict, duplicate.Kind);
        Assert.Equal(before, await _local.Outbox.CountAsync(ct));
        Assert.Equal("dev", (await _local.Environments.GetAsync(_caller, env.Value.Id, ct))!.Value.Name);
    }

    [Fact(Timeout = Limit)]
    public async Task A_full_outbox_refuses_the_change_and_loses_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReopenAsync(enabled: true, maxRows: 3);
        for (var i = 0; i < 3; i++)
        {
            await _local.Designs.SaveAsync(_caller, new Design { Name = $"d{i}", PatternFile = "name: d" }, null, ct);
        }

        var refused = await Assert.ThrowsAsync<ProviderException>(() =>
            _local.Environments.CreateAsync(_caller, new EnvironmentPayload { Name = "one too many" }, ct));

        Assert.Equal(ProviderErrorKind.Unavailable, refused.Kind);
        Assert.Contains("outbox", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await _local.Environments.ListAsync(_caller, new(), null, ct)).TotalCount);
        Assert.Equal(3, await _local.Outbox.CountAsync(ct));

        // Once the provider has some of them, changes are taken again.
        var first = (await _local.Outbox.ReadAsync(1, ct))[0];
        await _local.Outbox.RemoveThroughAsync(first.Seq, ct);
        await _local.Environments.CreateAsync(_caller, new EnvironmentPayload { Name = "now" }, ct);
        Assert.Equal(3, await _local.Outbox.CountAsync(ct));
    }

    [Fact(Timeout = Limit)]
    public async Task A_credentials_secret_is_encrypted_in_the_outbox_and_decrypted_only_into_the_event()
    {
        var ct = TestContext.Current.CancellationToken;
        var marker = "hunter2-" + Guid.NewGuid().ToString("N");
        var credential = await _local.Credentials.CreateAsync(
            _caller, new CredentialPayload { Name = "prod", Secret = new JsonObject { ["token"] = marker } }, ct);

        var rows = await _local.Outbox.ReadAsync(10, ct);
        var withSecret = rows.Single(r => r.Secret is not null);
        var cloudEvent = new OutboxEvents(_local.Protector).ToCloudEvent(withSecret);

        Assert.All(rows, r => Assert.DoesNotContain(marker, r.Data ?? "", StringComparison.Ordinal));
        Assert.False(RawFiles.Contain(_local.Options.DatabasePath, marker), "The secret is readable in the database files.");
        Assert.Equal(credential.Value.Id.ToString("D"), cloudEvent.Subject);
        Assert.Contains(marker, ((System.Text.Json.JsonElement)cloudEvent.Data!).GetRawText(), StringComparison.Ordinal);
    }

    [Fact(Timeout = Limit)]
    public async Task An_agent_without_a_remote_provider_records_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReopenAsync(enabled: false, maxRows: 1);
        for (var i = 0; i < 3; i++)
        {
            await _local.Designs.SaveAsync(_caller, new Design { Name = $"d{i}", PatternFile = "name: d" }, null, ct);
        }

        Assert.Equal(0, await _local.Outbox.CountAsync(ct));
    }

    public async ValueTask DisposeAsync()
    {
        await _local.DisposeAsync();
        _folder.Dispose();
    }

    private LocalProviderHarness Open(bool enabled, int maxRows) =>
        new(_folder.File("mesherydb.sql"), outbox: new OutboxOptions { Enabled = enabled, MaxRows = maxRows, Source = Source });

    private async Task ReopenAsync(bool enabled, int maxRows)
    {
        await _local.DisposeAsync();
        _local = Open(enabled, maxRows);
    }
}

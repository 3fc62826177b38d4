using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Agent.Tests.LocalProvider.Connections;

public sealed class SqliteConnectionStoreTests : LocalProviderTest
{
    [Fact]
    public async Task Save_get_update_delete_round_trip()
    {
        var saved = await Local.Connections.SaveAsync(
            Caller,
            new ConnectionPayload
            {
                Kind = "kubernetes",
                Name = "kind-cluster",
                Type = "platform",
                SubType = "orchestrator",
                Url = "https://127.0.0.1:6443",
                Status = ConnectionStatuses.Connected,
                Metadata = new JsonObject { ["context"] = "kind-kind" },
            },
            Ct);
        var read = await Local.Connections.GetAsync(Caller, saved.Value.Id, Ct);
        var updated = await Local.Connections.UpdateAsync(
            Caller, saved.Value.Id, new ConnectionPayload { Status = ConnectionStatuses.Maintenance, Description = "upgrading" }, read!.ETag, Ct);
        var deleted = await Local.Connections.DeleteAsync(Caller, saved.Value.Id, Ct);

        Assert.Equal(Connection.CurrentSchemaVersion, saved.Value.SchemaVersion);
        Assert.Equal("kind-cluster", saved.Value.Name);
        Assert.Equal("platform", saved.Value.Type);
        Assert.Equal("orchestrator", saved.Value.SubType);
        Assert.Equal(Caller.UserId, saved.Value.Owner);
        Assert.Null(saved.Value.CredentialId);
        JsonAssert.Same(saved.Value, read.Value);
        Assert.Equal("kind-kind", (string?)read.Value.Metadata!["context"]);
        Assert.Equal(ConnectionStatuses.Maintenance, updated.Value.Status);
        Assert.Equal("upgrading", updated.Value.Description);
        Assert.Equal("https://127.0.0.1:6443", updated.Value.Url);
        Assert.Equal("\"2\"", updated.ETag);
        Assert.Equal(ConnectionStatuses.Deleted, deleted!.Status);
        Assert.Equal(saved.Value.Id, deleted.Id);
        Assert.Null(await Local.Connections.GetAsync(Caller, saved.Value.Id, Ct));
        Assert.Null(await Local.Connections.DeleteAsync(Caller, saved.Value.Id, Ct));
    }

    [Fact]
    public async Task A_connection_without_name_or_status_is_named_after_its_kind_and_discovered()
    {
        var saved = await Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "prometheus" }, Ct);

        Assert.Equal("prometheus", saved.Value.Name);
        Assert.Equal(ConnectionStatuses.Discovered, saved.Value.Status);
    }

    [Fact]
    public async Task Saving_with_a_known_id_updates_that_connection()
    {
        var first = await Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "grafana", Name = "g" }, Ct);

        var again = await Local.Connections.SaveAsync(
            Caller, new ConnectionPayload { Id = first.Value.Id, Kind = "grafana", Status = ConnectionStatuses.Registered }, Ct);
        var page = await Local.Connections.ListAsync(Caller, new ConnectionQuery(), Ct);

        Assert.Equal(first.Value.Id, again.Value.Id);
        Assert.Equal("g", again.Value.Name);
        Assert.Equal(ConnectionStatuses.Registered, again.Value.Status);
        Assert.Equal("\"2\"", again.ETag);
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task A_credential_secret_becomes_an_encrypted_credential_linked_by_id()
    {
        var marker = "token-" + Guid.NewGuid().ToString("N");
        var saved = await Local.Connections.SaveAsync(
            Caller,
            new ConnectionPayload { Kind = "kubernetes", Name = "secured", CredentialSecret = new JsonObject { ["token"] = marker } },
            Ct);

        var credential = await Local.Credentials.GetAsync(Caller, saved.Value.CredentialId!.Value, Ct);
        var read = await Local.Connections.GetAsync(Caller, saved.Value.Id, Ct);

        Assert.Equal(marker, (string?)credential!.Value.Secret!["token"]);
        Assert.Equal("secured credential", credential.Value.Name);
        Assert.Equal("kubernetes", credential.Value.Type);
        Assert.Equal(saved.Value.CredentialId, read!.Value.CredentialId);
        await Local.DisposeAsync();
        Assert.False(RawFiles.Contain(DatabasePath, marker), "The secret is readable in the database files.");
        Assert.True(RawFiles.Contain(DatabasePath, "secured credential"), "The credential row is not where it was looked for.");
    }

    [Fact]
    public async Task Lists_filter_by_kind_status_type_and_name_and_summarize_statuses()
    {
        await Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "kubernetes", Name = "k1", Status = "connected", Type = "platform" }, Ct);
        await Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "kubernetes", Name = "k2", Status = "disconnected", Type = "platform" }, Ct);
        await Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "prometheus", Name = "p1", Status = "connected", Type = "telemetry" }, Ct);
        await Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "grafana", Name = "g1", Type = "telemetry" }, Ct);

        var kubernetes = await Local.Connections.ListAsync(Caller, new ConnectionQuery { Kinds = ["kubernetes"], Page = new PageRequest { Order = "name" } }, Ct);
        var connected = await Local.Connections.ListAsync(Caller, new ConnectionQuery { Statuses = ["connected"], Page = new PageRequest { Order = "name" } }, Ct);
        var either = await Local.Connections.ListAsync(Caller, new ConnectionQuery { Kinds = ["prometheus", "grafana"], Page = new PageRequest { Order = "name" } }, Ct);
        var both = await Local.Connections.ListAsync(Caller, new ConnectionQuery { Kinds = ["kubernetes"], Statuses = ["connected"] }, Ct);
        var telemetry = await Local.Connections.ListAsync(Caller, new ConnectionQuery { Types = ["telemetry"] }, Ct);
        var byName = await Local.Connections.ListAsync(Caller, new ConnectionQuery { Name = "p1" }, Ct);
        var paged = await Local.Connections.ListAsync(Caller, new ConnectionQuery { Page = new PageRequest { PageSize = 3, Page = 1 } }, Ct);

        Assert.Equal(["k1", "k2"], kubernetes.Connections.Select(c => c.Name));
        Assert.Equal(["k1", "p1"], connected.Connections.Select(c => c.Name));
        Assert.Equal(["g1", "p1"], either.Connections.Select(c => c.Name));
        Assert.Equal("k1", Assert.Single(both.Connections).Name);
        Assert.Equal(2, telemetry.TotalCount);
        Assert.Equal("p1", Assert.Single(byName.Connections).Name);
        Assert.Equal(4, paged.TotalCount);
        Assert.Single(paged.Connections);
        Assert.Equal(new Dictionary<string, int> { ["connected"] = 2, ["disconnected"] = 1, ["discovered"] = 1 }, kubernetes.StatusSummary);
    }

    [Theory]
    [InlineData(" ", "discovered")]
    [InlineData("kubernetes", "bogus")]
    public async Task Kind_is_required_and_status_must_be_known(string kind, string status)
    {
        var ex = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = kind, Status = status }, Ct));

        Assert.Equal(ProviderErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_refused()
    {
        var saved = await Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "kubernetes" }, Ct);
        await Local.Connections.UpdateAsync(Caller, saved.Value.Id, new ConnectionPayload { Name = "first" }, saved.ETag, Ct);

        var ex = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Connections.UpdateAsync(Caller, saved.Value.Id, new ConnectionPayload { Name = "second" }, saved.ETag, Ct));

        Assert.Equal(ProviderErrorKind.PreconditionFailed, ex.Kind);
    }

    [Fact]
    public async Task A_credential_id_of_another_user_is_refused()
    {
        var stranger = Caller with { UserId = Guid.NewGuid() };
        var theirs = await Local.Credentials.CreateAsync(stranger, new Meshery.ExtensionPoints.Credentials.CredentialPayload { Name = "theirs", Type = "token" }, Ct);

        var refused = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "grafana", CredentialId = theirs.Value.Id }, Ct));

        Assert.Equal(ProviderErrorKind.Invalid, refused.Kind);
    }
}

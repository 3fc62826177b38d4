using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.Provider.Storage.Tables;
using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage.Connections;

public sealed class TableConnectionStoreTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    [Fact]
    public async Task SaveWithASecretStoresItAsACredentialNotInTheConnection()
    {
        var caller = StorageHarness.NewCaller();
        var saved = await Store<IConnectionStore>().SaveAsync(
            caller,
            new ConnectionPayload
            {
                Kind = "kubernetes",
                Type = "platform",
                SubType = "orchestrator",
                Name = "kind-cluster",
                Metadata = new JsonObject { ["server"] = "https://127.0.0.1:6443" },
                CredentialSecret = new JsonObject { ["token"] = "connection-secret-value" },
            },
            Ct);

        var credential = await Store<ICredentialStore>().GetAsync(caller, saved.Value.CredentialId!.Value, Ct);
        var raw = await Harness.Storage.Table(TableNames.Connections).GetAsync(TableKeys.Tenant(caller.UserId), saved.Value.Id.ToString("D"), null, Ct);

        Assert.Equal(ConnectionStatuses.Discovered, saved.Value.Status);
        Assert.Equal("kind-cluster credential", credential!.Value.Name);
        Assert.Equal("kubernetes", credential.Value.Type);
        Assert.Equal("connection-secret-value", credential.Value.Secret!["token"]!.GetValue<string>());
        Assert.DoesNotContain(raw!.Select(p => p.Value), v => v is string s && s.Contains("connection-secret-value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveWithAKnownIdUpdatesAndUpdateMergesFields()
    {
        var store = Store<IConnectionStore>();
        var caller = StorageHarness.NewCaller();
        var id = Guid.NewGuid();
        var created = await store.SaveAsync(caller, new ConnectionPayload { Id = id, Kind = "prometheus", Url = "http://prom:9090" }, Ct);

        var again = await store.SaveAsync(caller, new ConnectionPayload { Id = id, Kind = "prometheus", Status = ConnectionStatuses.Connected, Name = "prom" }, Ct);
        var updated = await store.UpdateAsync(caller, id, new ConnectionPayload { Status = ConnectionStatuses.Maintenance }, again.ETag, Ct);

        Assert.Equal(id, created.Value.Id);
        Assert.Equal("prometheus", created.Value.Name);
        Assert.Equal("prom", again.Value.Name);
        Assert.Equal("http://prom:9090", again.Value.Url);
        Assert.Equal(created.Value.CreatedAt, again.Value.CreatedAt);
        Assert.Equal(ConnectionStatuses.Maintenance, updated.Value.Status);
        Assert.Equal("prom", updated.Value.Name);
        var stale = await Assert.ThrowsAsync<ProviderException>(() => store.UpdateAsync(caller, id, new ConnectionPayload { Name = "x" }, again.ETag, Ct));
        Assert.Equal(ProviderErrorKind.PreconditionFailed, stale.Kind);
    }

    [Fact]
    public async Task ValidationMatchesTheContract()
    {
        var store = Store<IConnectionStore>();
        var caller = StorageHarness.NewCaller();

        var noKind = await Assert.ThrowsAsync<ProviderException>(() => store.SaveAsync(caller, new ConnectionPayload { Name = "x" }, Ct));
        var badStatus = await Assert.ThrowsAsync<ProviderException>(() => store.SaveAsync(caller, new ConnectionPayload { Kind = "k", Status = "sleeping" }, Ct));

        Assert.Equal(ProviderErrorKind.Invalid, noKind.Kind);
        Assert.Equal(ProviderErrorKind.Invalid, badStatus.Kind);
    }

    [Fact]
    public async Task ListFiltersByKindStatusAndNameWithASummaryOfStatuses()
    {
        var store = Store<IConnectionStore>();
        var caller = StorageHarness.NewCaller();
        await store.SaveAsync(caller, new ConnectionPayload { Kind = "kubernetes", Name = "k1", Status = ConnectionStatuses.Connected }, Ct);
        await store.SaveAsync(caller, new ConnectionPayload { Kind = "kubernetes", Name = "k2", Status = ConnectionStatuses.Discovered }, Ct);
        await store.SaveAsync(caller, new ConnectionPayload { Kind = "grafana", Name = "g1", Status = ConnectionStatuses.Connected }, Ct);

        var kubernetes = await store.ListAsync(caller, new ConnectionQuery { Kinds = ["kubernetes"], Page = new PageRequest { Order = "name desc" } }, Ct);
        var connected = await store.ListAsync(caller, new ConnectionQuery { Statuses = [ConnectionStatuses.Connected, ConnectionStatuses.Registered] }, Ct);
        var named = await store.ListAsync(caller, new ConnectionQuery { Name = "g1" }, Ct);

        Assert.Equal(["k2", "k1"], kubernetes.Connections.Select(c => c.Name));
        Assert.Equal(2, connected.TotalCount);
        Assert.Equal("g1", Assert.Single(named.Connections).Name);
        Assert.Equal(2, kubernetes.StatusSummary![ConnectionStatuses.Connected]);
        Assert.Equal(1, kubernetes.StatusSummary[ConnectionStatuses.Discovered]);
    }

    [Fact]
    public async Task ManyFilterValuesBeyondTheComparisonBudgetStillFilterCorrectly()
    {
        var store = Store<IConnectionStore>();
        var caller = StorageHarness.NewCaller();
        await store.SaveAsync(caller, new ConnectionPayload { Kind = "kubernetes", Status = ConnectionStatuses.Connected }, Ct);
        await store.SaveAsync(caller, new ConnectionPayload { Kind = "grafana", Status = ConnectionStatuses.Ignored }, Ct);

        // 10 kinds + 8 statuses = 18 comparisons: more than a $filter may hold.
        var kinds = Enumerable.Range(0, 9).Select(i => "other" + i).Append("kubernetes").ToArray();
        var page = await store.ListAsync(caller, new ConnectionQuery { Kinds = kinds, Statuses = ConnectionStatuses.All }, Ct);

        Assert.Equal("kubernetes", Assert.Single(page.Connections).Kind);
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task ACredentialMadeForAConnectionThatCannotBeSavedIsRemovedAgain()
    {
        var caller = StorageHarness.NewCaller();

        // A type too long for its column (32,768 characters) fails after the credential was stored.
        var error = await Assert.ThrowsAsync<ProviderException>(() => Store<IConnectionStore>().SaveAsync(
            caller,
            new ConnectionPayload { Kind = "kubernetes", Type = new string('t', 40_000), CredentialSecret = new JsonObject { ["token"] = "x" } },
            Ct));

        Assert.Equal(ProviderErrorKind.Invalid, error.Kind);
        Assert.Equal(0, (await Store<ICredentialStore>().ListAsync(caller, new PageRequest(), Ct)).TotalCount);
        Assert.Equal(0, (await Store<IConnectionStore>().ListAsync(caller, new ConnectionQuery(), Ct)).TotalCount);
    }

    [Fact]
    public async Task OnlyTheCallersOwnCredentialCanBeLinked()
    {
        var store = Store<IConnectionStore>();
        var caller = StorageHarness.NewCaller();
        var theirs = await Store<ICredentialStore>().CreateAsync(StorageHarness.NewCaller(), new CredentialPayload { Name = "theirs" }, Ct);
        var mine = await Store<ICredentialStore>().CreateAsync(caller, new CredentialPayload { Name = "mine" }, Ct);
        var saved = await store.SaveAsync(caller, new ConnectionPayload { Kind = "kubernetes", CredentialId = mine.Value.Id }, Ct);

        var onSave = await Assert.ThrowsAsync<ProviderException>(() => store.SaveAsync(caller, new ConnectionPayload { Kind = "kubernetes", CredentialId = theirs.Value.Id }, Ct));
        var onUpdate = await Assert.ThrowsAsync<ProviderException>(() => store.UpdateAsync(caller, saved.Value.Id, new ConnectionPayload { CredentialId = theirs.Value.Id }, null, Ct));

        Assert.Equal(mine.Value.Id, saved.Value.CredentialId);
        Assert.Equal(ProviderErrorKind.Invalid, onSave.Kind);
        Assert.Equal(ProviderErrorKind.Invalid, onUpdate.Kind);
        Assert.Equal(mine.Value.Id, (await store.GetAsync(caller, saved.Value.Id, Ct))!.Value.CredentialId);
    }

    [Fact]
    public async Task DeleteReturnsWhatItWasWithStatusDeleted()
    {
        var store = Store<IConnectionStore>();
        var caller = StorageHarness.NewCaller();
        var saved = await store.SaveAsync(caller, new ConnectionPayload { Kind = "kubernetes", Status = ConnectionStatuses.Connected }, Ct);

        var deleted = await store.DeleteAsync(caller, saved.Value.Id, Ct);

        JsonAssert.Equal(saved.Value with { Status = ConnectionStatuses.Deleted }, deleted);
        Assert.Null(await store.DeleteAsync(caller, saved.Value.Id, Ct));
        Assert.Null(await store.GetAsync(caller, saved.Value.Id, Ct));
    }
}

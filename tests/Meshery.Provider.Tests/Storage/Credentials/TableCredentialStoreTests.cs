using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.Provider.Storage.Credentials;
using Meshery.Provider.Storage.Tables;
using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage.Credentials;

public sealed class TableCredentialStoreTests(AzuriteFixture azurite) : StorageTests(azurite)
{
    private const string SecretValue = "s3cr3t-token-value-never-stored-in-clear";

    [Fact]
    public async Task SecretIsEncryptedAtRestAndOnlyASingleReadReturnsIt()
    {
        var store = Store<ICredentialStore>();
        var caller = StorageHarness.NewCaller();

        var created = await store.CreateAsync(caller, new CredentialPayload { Name = "cluster", Type = "kubernetes", Secret = Secret() }, Ct);
        var read = await store.GetAsync(caller, created.Value.Id, Ct);
        var listed = await store.ListAsync(caller, new PageRequest(), Ct);
        var searched = await store.ListAsync(caller, new PageRequest { Search = "clus", Order = "name asc" }, Ct);
        var raw = await Harness.Storage.Table(TableNames.Credentials).GetAsync(TableKeys.Tenant(caller.UserId), created.Value.Id.ToString("D"), null, Ct);

        Assert.Equal(SecretValue, created.Value.Secret!["token"]!.GetValue<string>());
        Assert.Equal(SecretValue, read!.Value.Secret!["token"]!.GetValue<string>());
        Assert.Null(Assert.Single(listed.Credentials).Secret);
        Assert.Null(Assert.Single(searched.Credentials).Secret);
        Assert.NotNull(raw!.GetBinary("Secret0"));
        foreach (var value in raw.Select(p => p.Value))
        {
            var text = value switch
            {
                string s => s,
                byte[] b => System.Text.Encoding.UTF8.GetString(b) + Convert.ToBase64String(b),
                _ => value?.ToString() ?? "",
            };
            Assert.DoesNotContain(SecretValue, text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"secret\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UpdateKeepsOrReplacesTheSecret()
    {
        var store = Store<ICredentialStore>();
        var caller = StorageHarness.NewCaller();
        var created = await store.CreateAsync(caller, new CredentialPayload { Name = "c", Secret = Secret() }, Ct);

        var renamed = await store.UpdateAsync(caller, created.Value.Id, new CredentialPayload { Name = "renamed" }, created.ETag, Ct);
        var rekeyed = await store.UpdateAsync(caller, created.Value.Id, new CredentialPayload { Secret = new JsonObject { ["token"] = "new" } }, null, Ct);

        Assert.Equal(SecretValue, renamed.Value.Secret!["token"]!.GetValue<string>());
        Assert.Equal("renamed", (await store.GetAsync(caller, created.Value.Id, Ct))!.Value.Name);
        Assert.Equal("new", (await store.GetAsync(caller, created.Value.Id, Ct))!.Value.Secret!["token"]!.GetValue<string>());
        Assert.Equal("renamed", rekeyed.Value.Name);
        var stale = await Assert.ThrowsAsync<ProviderException>(() => store.UpdateAsync(caller, created.Value.Id, new CredentialPayload(), created.ETag, Ct));
        Assert.Equal(ProviderErrorKind.PreconditionFailed, stale.Kind);
    }

    [Fact]
    public void ACiphertextCannotBeMovedToAnotherCredentialOrUser()
    {
        var protector = Store<CredentialProtector>();
        var tenant = Guid.NewGuid();
        var id = Guid.NewGuid();
        var sealedBytes = protector.Protect(tenant, id, "{}"u8);

        Assert.Equal("{}"u8.ToArray(), protector.Unprotect(tenant, id, sealedBytes));
        Assert.Throws<ProviderException>(() => protector.Unprotect(tenant, Guid.NewGuid(), sealedBytes));
        Assert.Throws<ProviderException>(() => protector.Unprotect(Guid.NewGuid(), id, sealedBytes));
    }

    [Fact]
    public async Task DuplicateIdConflictsAndDeleteRemoves()
    {
        var store = Store<ICredentialStore>();
        var caller = StorageHarness.NewCaller();
        var id = Guid.NewGuid();
        await store.CreateAsync(caller, new CredentialPayload { Id = id, Name = "c" }, Ct);

        var conflict = await Assert.ThrowsAsync<ProviderException>(() => store.CreateAsync(caller, new CredentialPayload { Id = id, Name = "c" }, Ct));

        Assert.Equal(ProviderErrorKind.Conflict, conflict.Kind);
        Assert.Null((await store.GetAsync(caller, id, Ct))!.Value.Secret);
        Assert.True(await store.DeleteAsync(caller, id, Ct));
        Assert.False(await store.DeleteAsync(caller, id, Ct));
    }

    [Fact]
    public async Task DeletingACredentialUnlinksItFromConnections()
    {
        var caller = StorageHarness.NewCaller();
        var connections = Store<IConnectionStore>();
        var linked = await connections.SaveAsync(caller, new ConnectionPayload { Kind = "kubernetes", CredentialSecret = Secret() }, Ct);
        var other = await Store<ICredentialStore>().CreateAsync(caller, new CredentialPayload { Name = "other" }, Ct);
        var unrelated = await connections.SaveAsync(caller, new ConnectionPayload { Kind = "grafana", CredentialId = other.Value.Id }, Ct);

        Assert.True(await Store<ICredentialStore>().DeleteAsync(caller, linked.Value.CredentialId!.Value, Ct));

        var after = (await connections.GetAsync(caller, linked.Value.Id, Ct))!.Value;
        Assert.Null(after.CredentialId);
        Assert.True(after.UpdatedAt >= linked.Value.UpdatedAt);
        Assert.Equal(other.Value.Id, (await connections.GetAsync(caller, unrelated.Value.Id, Ct))!.Value.CredentialId);
    }

    [Fact]
    public async Task AnotherUserCannotReadIt()
    {
        var store = Store<ICredentialStore>();
        var owner = StorageHarness.NewCaller();
        var created = await store.CreateAsync(owner, new CredentialPayload { Name = "c", Secret = Secret() }, Ct);
        var other = StorageHarness.NewCaller();

        Assert.Null(await store.GetAsync(other, created.Value.Id, Ct));
        Assert.Empty((await store.ListAsync(other, new PageRequest(), Ct)).Credentials);
        Assert.False(await store.DeleteAsync(other, created.Value.Id, Ct));
        Assert.Equal(ProviderErrorKind.NotFound, (await Assert.ThrowsAsync<ProviderException>(
            () => store.UpdateAsync(other, created.Value.Id, new CredentialPayload { Name = "x" }, null, Ct))).Kind);
    }

    private static JsonObject Secret() => new() { ["token"] = SecretValue };
}

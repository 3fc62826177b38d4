using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Agent.Tests.LocalProvider.Credentials;

public sealed class SqliteCredentialStoreTests : LocalProviderTest
{
    [Fact]
    public async Task A_secret_is_returned_by_get_but_left_out_of_lists_and_unreadable_in_the_file()
    {
        var marker = "hunter2-" + Guid.NewGuid().ToString("N");
        var created = await Local.Credentials.CreateAsync(
            Caller, new CredentialPayload { Name = "prod-token", Type = "bearer", Secret = new JsonObject { ["token"] = marker, ["nested"] = new JsonObject { ["n"] = 1 } } }, Ct);

        var read = await Local.Credentials.GetAsync(Caller, created.Value.Id, Ct);
        var list = await Local.Credentials.ListAsync(Caller, new PageRequest(), Ct);

        Assert.Equal(marker, (string?)created.Value.Secret!["token"]);
        Assert.Equal(marker, (string?)read!.Value.Secret!["token"]);
        Assert.Equal(1, (int)read.Value.Secret["nested"]!["n"]!);
        Assert.Equal("prod-token", read.Value.Name);
        Assert.Equal("bearer", read.Value.Type);
        Assert.Equal(Caller.UserId, read.Value.UserId);
        var listed = Assert.Single(list.Credentials);
        Assert.Equal(created.Value.Id, listed.Id);
        Assert.Null(listed.Secret);

        Assert.False(RawFiles.Contain(DatabasePath, marker), "The secret is readable in the database files while open.");
        await Local.DisposeAsync();
        Assert.False(RawFiles.Contain(DatabasePath, marker), "The secret is readable in the database file.");
        Assert.True(RawFiles.Contain(DatabasePath, "prod-token"), "The credential row is not where it was looked for.");
    }

    [Fact]
    public async Task The_secret_column_holds_ciphertext_bound_to_its_row()
    {
        var first = await Local.Credentials.CreateAsync(Caller, new CredentialPayload { Name = "a", Secret = new JsonObject { ["k"] = "v" } }, Ct);
        var second = await Local.Credentials.CreateAsync(Caller, new CredentialPayload { Name = "b", Secret = new JsonObject { ["k"] = "v" } }, Ct);
        var firstBytes = await ReadSecretColumnAsync(first.Value.Id);
        var secondBytes = await ReadSecretColumnAsync(second.Value.Id);

        Assert.NotEqual(firstBytes, secondBytes);
        await using (var connection = await Local.Database.OpenAsync(Ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE credentials SET secret = $s WHERE id = $id;";
            command.Parameters.AddWithValue("$s", firstBytes);
            command.Parameters.AddWithValue("$id", second.Value.Id.ToString("D"));
            await command.ExecuteNonQueryAsync(Ct);
        }

        var moved = await Assert.ThrowsAsync<ProviderException>(() => Local.Credentials.GetAsync(Caller, second.Value.Id, Ct));
        Assert.Equal(ProviderErrorKind.Unavailable, moved.Kind);
        Assert.Contains("cannot be decrypted", moved.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_replaces_name_and_secret_and_keeps_the_secret_when_none_is_sent()
    {
        var created = await Local.Credentials.CreateAsync(Caller, new CredentialPayload { Name = "c", Secret = new JsonObject { ["v"] = 1 } }, Ct);

        var renamed = await Local.Credentials.UpdateAsync(Caller, created.Value.Id, new CredentialPayload { Name = "renamed" }, created.ETag, Ct);
        var rekeyed = await Local.Credentials.UpdateAsync(Caller, created.Value.Id, new CredentialPayload { Secret = new JsonObject { ["v"] = 2 } }, renamed.ETag, Ct);
        var stale = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Credentials.UpdateAsync(Caller, created.Value.Id, new CredentialPayload { Name = "late" }, renamed.ETag, Ct));
        var read = await Local.Credentials.GetAsync(Caller, created.Value.Id, Ct);

        Assert.Equal("renamed", renamed.Value.Name);
        Assert.Equal(1, (int)renamed.Value.Secret!["v"]!);
        Assert.Equal(2, (int)rekeyed.Value.Secret!["v"]!);
        Assert.Equal(ProviderErrorKind.PreconditionFailed, stale.Kind);
        Assert.Equal("renamed", read!.Value.Name);
        Assert.Equal(2, (int)read.Value.Secret!["v"]!);
        Assert.Equal("\"3\"", read.ETag);
    }

    [Fact]
    public async Task Delete_removes_the_credential_and_unlinks_its_connections()
    {
        var connection = await Local.Connections.SaveAsync(
            Caller, new Meshery.ExtensionPoints.Connections.ConnectionPayload { Kind = "kubernetes", CredentialSecret = new JsonObject { ["t"] = "x" } }, Ct);
        var credentialId = connection.Value.CredentialId!.Value;

        Assert.True(await Local.Credentials.DeleteAsync(Caller, credentialId, Ct));
        Assert.False(await Local.Credentials.DeleteAsync(Caller, credentialId, Ct));
        Assert.Null(await Local.Credentials.GetAsync(Caller, credentialId, Ct));
        var unlinked = await Local.Connections.GetAsync(Caller, connection.Value.Id, Ct);
        Assert.NotNull(unlinked);
        Assert.Null(unlinked.Value.CredentialId);
        Assert.Equal("\"2\"", unlinked.ETag);
    }

    [Fact]
    public async Task A_credential_without_a_secret_reads_back_without_one()
    {
        var created = await Local.Credentials.CreateAsync(Caller, new CredentialPayload { Name = "empty" }, Ct);

        var read = await Local.Credentials.GetAsync(Caller, created.Value.Id, Ct);

        Assert.Null(read!.Value.Secret);
    }

    [Fact]
    public async Task The_key_file_is_created_beside_the_database_for_the_owner_only()
    {
        await Local.Credentials.CreateAsync(Caller, new CredentialPayload { Name = "k", Secret = new JsonObject { ["a"] = "b" } }, Ct);

        var key = Folder.File("credentials.key");
        Assert.True(File.Exists(key));
        Assert.Equal(32, Convert.FromBase64String((await File.ReadAllTextAsync(key, Ct)).Trim()).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
    }

    private async Task<byte[]> ReadSecretColumnAsync(Guid id)
    {
        await using var connection = await Local.Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT secret FROM credentials WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        return (byte[])(await command.ExecuteScalarAsync(Ct))!;
    }
}

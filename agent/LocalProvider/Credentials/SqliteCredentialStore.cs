using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.LocalProvider.Storage;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Json;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Validation;
using Microsoft.Data.Sqlite;

namespace Meshery.Agent.LocalProvider.Credentials;

/// <summary>
/// Credentials in SQLite. The document column never holds the secret: it is encrypted into the
/// <c>secret</c> column and only decrypted for a single-credential read.
/// </summary>
public sealed class SqliteCredentialStore(LocalDatabase database, CredentialProtector protector, TimeProvider time) : ICredentialStore
{
    private readonly DocumentTable<Credential> _table = new(database, LocalTables.Credentials);

    public async Task<CredentialPage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var (items, total) = await _table.ListAsync(caller.UserId, page, null, cancellationToken);
        return new CredentialPage(items, total, page.Page, page.PageSize);
    }

    public Task<Stored<Credential>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            ArgumentNullException.ThrowIfNull(caller);
            await using var connection = await database.OpenAsync(cancellationToken);
            var stored = await _table.ReadAsync(connection, null, caller.UserId, id, cancellationToken);
            if (stored is null)
            {
                return null;
            }

            var secret = await ReadSecretAsync(connection, id, cancellationToken);
            return stored with { Value = stored.Value with { Secret = secret } };
        });

    /// <summary>Reads a credential's metadata (no secret) inside a caller's transaction.</summary>
    public Task<Stored<Credential>?> ReadAsync(
        SqliteConnection connection, SqliteTransaction transaction, ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _table.ReadAsync(connection, transaction, caller.UserId, id, cancellationToken);
    }

    public Task<Stored<Credential>> CreateAsync(ProviderCaller caller, CredentialPayload payload, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            var stored = await CreateAsync(connection, transaction, caller, payload, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return stored;
        });

    /// <summary>Creates a credential inside a caller's transaction (a connection registering its secret).</summary>
    public async Task<Stored<Credential>> CreateAsync(
        SqliteConnection connection, SqliteTransaction transaction, ProviderCaller caller, CredentialPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var now = SqliteTime.Now(time);
        var credential = new Credential
        {
            Id = ContractValidation.NewIdIfEmpty(payload.Id),
            Name = ContractValidation.RequireName(payload.Name),
            Type = ContractValidation.OptionalText(payload.Type, "type", ContractValidation.MaxNameLength),
            UserId = caller.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var stored = await _table.InsertAsync(connection, transaction, caller.UserId, credential.Id, credential, now, cancellationToken);
        await WriteSecretAsync(connection, transaction, credential.Id, payload.Secret, cancellationToken);
        return stored with { Value = credential with { Secret = payload.Secret } };
    }

    public Task<Stored<Credential>> UpdateAsync(
        ProviderCaller caller, Guid id, CredentialPayload payload, string? ifMatch, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            ArgumentNullException.ThrowIfNull(caller);
            ArgumentNullException.ThrowIfNull(payload);
            var name = payload.Name is null ? null : ContractValidation.RequireName(payload.Name);
            var now = SqliteTime.Now(time);
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            var stored = await _table.UpdateAsync(
                connection,
                transaction,
                caller.UserId,
                id,
                current => current with { Name = name ?? current.Name, Type = payload.Type ?? current.Type, UpdatedAt = now },
                ifMatch,
                now,
                cancellationToken);
            if (payload.Secret is not null)
            {
                await WriteSecretAsync(connection, transaction, id, payload.Secret, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            var secret = payload.Secret ?? await ReadSecretAsync(connection, id, cancellationToken);
            return stored with { Value = stored.Value with { Secret = secret } };
        });

    /// <summary>
    /// Deletes the credential and unlinks it from the connections that used it, in their documents
    /// as well as their <c>credential_id</c> column (which the foreign key clears).
    /// </summary>
    public Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            ArgumentNullException.ThrowIfNull(caller);
            var now = SqliteTime.Format(SqliteTime.Now(time));
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            await using var unlink = connection.CreateCommand();
            unlink.Transaction = transaction;
            unlink.CommandText = """
                UPDATE connections
                SET document = json_set(json_remove(document, '$.credentialId'), '$.updatedAt', $now), version = version + 1, updated_at = $now
                WHERE credential_id = $id AND EXISTS (SELECT 1 FROM credentials WHERE id = $id AND owner = $owner);
                """;
            unlink.Parameters.AddWithValue("$id", id.ToString("D"));
            unlink.Parameters.AddWithValue("$owner", caller.UserId.ToString("D"));
            unlink.Parameters.AddWithValue("$now", now);
            await unlink.ExecuteNonQueryAsync(cancellationToken);
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM credentials WHERE id = $id AND owner = $owner;";
            delete.Parameters.AddWithValue("$id", id.ToString("D"));
            delete.Parameters.AddWithValue("$owner", caller.UserId.ToString("D"));
            var deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return deleted > 0;
        });

    private async Task WriteSecretAsync(
        SqliteConnection connection, SqliteTransaction transaction, Guid id, JsonObject? secret, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE credentials SET secret = $secret WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        command.Parameters.AddWithValue(
            "$secret",
            secret is null ? DBNull.Value : protector.Protect(id, JsonSerializer.SerializeToUtf8Bytes(secret, MesheryJson.Options.GetTypeInfo(typeof(JsonObject)))));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<JsonObject?> ReadSecretAsync(SqliteConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT secret FROM credentials WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        var value = await command.ExecuteScalarAsync(cancellationToken);
        if (value is not byte[] bytes)
        {
            return null;
        }

        var plaintext = protector.Unprotect(id, bytes);
        return JsonNode.Parse(plaintext) as JsonObject
            ?? throw new ProviderException(ProviderErrorKind.Unavailable, $"The secret of credential '{id}' is not a JSON object.");
    }
}

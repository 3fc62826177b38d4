using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Json;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Validation;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Storage.Credentials;

/// <summary>
/// Credentials in table <c>credentials</c> (PartitionKey = user id, RowKey = credential id). The
/// document never holds the secret: it is encrypted (<see cref="CredentialProtector"/>) into binary
/// properties <c>Secret0..SecretN</c> beside it, read only by a single-credential read. Lists select
/// the document columns alone, so secrets never even leave the table for them. Deleting a credential
/// unlinks it from the connections that used it.
/// </summary>
public sealed class TableCredentialStore(TableStorage storage, CredentialProtector protector, TimeProvider time) : ICredentialStore
{
    /// <summary>Largest secret accepted, as JSON.</summary>
    public const int MaxSecretBytes = 512 * 1024;

    public const string SecretPartsProperty = "SecretParts";
    public const string SecretPartPrefix = "Secret";

    private static readonly string[] RowKeyOnly = ["RowKey"];
    private readonly DocumentTable<Credential> _table = new(storage, TableDefinitions.Credentials);
    private readonly DocumentTable<Connection> _connections = new(storage, TableDefinitions.Connections);

    public async Task<CredentialPage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var result = await _table.ListAsync(new TableListRequest(TableKeys.Tenant(caller.UserId), KeyRange.All, page), cancellationToken);
        return new CredentialPage(result.Items, result.Total, page.Page, page.PageSize);
    }

    public async Task<Stored<Credential>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var current = await _table.ReadAsync(KeyOf(caller, id), cancellationToken);
        if (current is null)
        {
            return null;
        }

        var secret = ReadSecret(current.Entity, caller.UserId, id);
        return new Stored<Credential>(current.Value with { Secret = secret }, current.ETag.ToString());
    }

    /// <summary>Whether the caller has a credential with this id (a RowKey-only point read; nothing decrypted).</summary>
    public async Task<bool> ExistsAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await _table.Table.GetAsync(TableKeys.Tenant(caller.UserId), TableKeys.Id(id), RowKeyOnly, cancellationToken) is not null;
    }

    public async Task<Stored<Credential>> CreateAsync(ProviderCaller caller, CredentialPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var now = TableTime.Now(time);
        var credential = new Credential
        {
            Id = ContractValidation.NewIdIfEmpty(payload.Id),
            Name = ContractValidation.RequireName(payload.Name),
            Type = ContractValidation.OptionalText(payload.Type, "type", ContractValidation.MaxNameLength),
            UserId = caller.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var extra = SecretProperties(caller.UserId, credential.Id, payload.Secret);
        var stored = await _table.InsertAsync(KeyOf(caller, credential.Id), new(credential, extra), cancellationToken);
        return stored with { Value = credential with { Secret = payload.Secret } };
    }

    public async Task<Stored<Credential>> UpdateAsync(
        ProviderCaller caller, Guid id, CredentialPayload payload, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var name = payload.Name is null ? null : ContractValidation.RequireName(payload.Name);
        var newSecret = payload.Secret is null ? null : SecretProperties(caller.UserId, id, payload.Secret);
        var now = TableTime.Now(time);
        TableEntity? lastRead = null;
        var stored = await _table.UpdateAsync(
            KeyOf(caller, id),
            current =>
            {
                lastRead = current.Entity;
                var document = current.Value with { Name = name ?? current.Value.Name, Type = payload.Type ?? current.Value.Type, Secret = null, UpdatedAt = now };
                return new(document, newSecret ?? KeptSecret(current.Entity));
            },
            ifMatch,
            cancellationToken);
        var secret = payload.Secret ?? (lastRead is null ? null : ReadSecret(lastRead, caller.UserId, id));
        return stored with { Value = stored.Value with { Secret = secret } };
    }

    /// <summary>
    /// Deletes the credential, then unlinks it from the caller's connections that used it (found
    /// by their <c>CredentialId</c> column within the partition; each is updated under its ETag).
    /// </summary>
    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await _table.DeleteAsync(KeyOf(caller, id), cancellationToken) is null)
        {
            return false;
        }

        var partition = TableKeys.Tenant(caller.UserId);
        var linked = new TableConditions().Equal("CredentialId", TableKeys.Id(id));
        var (filter, _) = DocumentTable<Connection>.BuildFilter(new TableListRequest(partition, KeyRange.All, new PageRequest()) { Conditions = linked });
        var rows = await _connections.Table.ScanAsync(filter, RowKeyOnly, storage.Options.MaxScanEntities, cancellationToken);
        var now = TableTime.Now(time);
        foreach (var row in rows)
        {
            try
            {
                await _connections.UpdateAsync(
                    new DocumentKey(partition, row.RowKey, row.RowKey),
                    current => new(current.Value.CredentialId == id ? current.Value with { CredentialId = null, UpdatedAt = now } : current.Value),
                    null,
                    cancellationToken);
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.NotFound)
            {
                // The connection went meanwhile.
            }
        }

        return true;
    }

    private Dictionary<string, object> SecretProperties(Guid tenant, Guid id, JsonObject? secret)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        if (secret is null)
        {
            return properties;
        }

        var plaintext = JsonSerializer.SerializeToUtf8Bytes(secret, MesheryJson.Options.GetTypeInfo(typeof(JsonObject)));
        if (plaintext.Length > MaxSecretBytes)
        {
            throw ProviderException.Invalid($"'secret' is larger than {MaxSecretBytes / 1024} KiB.");
        }

        var sealedBytes = protector.Protect(tenant, id, plaintext);
        var parts = sealedBytes.Chunk(EntityLimits.MaxBinaryBytes).ToArray();
        properties[SecretPartsProperty] = parts.Length;
        for (var i = 0; i < parts.Length; i++)
        {
            properties[PartName(i)] = parts[i];
        }

        return properties;
    }

    private static Dictionary<string, object> KeptSecret(TableEntity entity)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        if (entity.GetInt32(SecretPartsProperty) is not { } count)
        {
            return properties;
        }

        properties[SecretPartsProperty] = count;
        for (var i = 0; i < count; i++)
        {
            properties[PartName(i)] = entity.GetBinary(PartName(i));
        }

        return properties;
    }

    private JsonObject? ReadSecret(TableEntity entity, Guid tenant, Guid id)
    {
        if (entity.GetInt32(SecretPartsProperty) is not { } count)
        {
            return null;
        }

        var sealedBytes = Enumerable.Range(0, count).SelectMany(i => entity.GetBinary(PartName(i))).ToArray();
        var plaintext = protector.Unprotect(tenant, id, sealedBytes);
        return JsonNode.Parse(plaintext) as JsonObject
            ?? throw new ProviderException(ProviderErrorKind.Unavailable, $"The secret of credential '{id}' is not a JSON object.");
    }

    private static string PartName(int index) => SecretPartPrefix + index.ToString(CultureInfo.InvariantCulture);

    private static DocumentKey KeyOf(ProviderCaller caller, Guid id) => new(TableKeys.Tenant(caller.UserId), TableKeys.Id(id), id);
}

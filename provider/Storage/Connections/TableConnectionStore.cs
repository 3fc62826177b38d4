using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Validation;
using Meshery.Provider.Storage.Credentials;
using Meshery.Provider.Storage.Environments;
using Meshery.Provider.Storage.Tables;
using Microsoft.Extensions.Logging;

namespace Meshery.Provider.Storage.Connections;

/// <summary>
/// Connections in table <c>connections</c> (PartitionKey = user id, RowKey = connection id). A
/// payload carrying a credential secret stores it first as a credential (encrypted) and links it by
/// id; if the connection then cannot be saved, that credential is removed again. Deleting a
/// connection removes its environment mappings.
/// </summary>
public sealed class TableConnectionStore(
    TableStorage storage,
    TableCredentialStore credentials,
    EnvironmentConnectionMap map,
    TimeProvider time,
    ILogger<TableConnectionStore> logger) : IConnectionStore
{
    private static readonly string[] StatusOnly = ["Status"];
    private readonly DocumentTable<Connection> _table = new(storage, TableDefinitions.Connections);

    public async Task<ConnectionPage> ListAsync(ProviderCaller caller, ConnectionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var partition = TableKeys.Tenant(caller.UserId);
        var conditions = new TableConditions().AnyOf("Kind", query.Kinds).AnyOf("Type", query.Types).AnyOf("Status", query.Statuses);
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            conditions.Equal("Name", query.Name);
        }

        var page = _table.ListAsync(new TableListRequest(partition, KeyRange.All, query.Page) { Conditions = conditions }, cancellationToken);
        var summary = StatusSummaryAsync(partition, cancellationToken);
        await Task.WhenAll(page, summary);
        var result = await page;
        return new ConnectionPage(result.Items, result.Total, query.Page.Page, query.Page.PageSize, await summary);
    }

    public Task<Stored<Connection>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _table.GetAsync(KeyOf(caller, id), cancellationToken);
    }

    public async Task<Stored<Connection>> SaveAsync(ProviderCaller caller, ConnectionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var kind = ContractValidation.RequireName(payload.Kind, "kind");
        var status = ContractValidation.OneOf(payload.Status, "status", ConnectionStatuses.IsKnown, ConnectionStatuses.Discovered);
        var name = payload.Name is { Length: > 0 } ? ContractValidation.RequireName(payload.Name) : null;
        var now = TableTime.Now(time);
        var credentialId = payload.CredentialId;
        await RequireOwnCredentialAsync(caller, credentialId, cancellationToken);
        Guid? createdCredential = null;
        if (payload.CredentialSecret is { Count: > 0 } secret)
        {
            var credential = await credentials.CreateAsync(
                caller, new CredentialPayload { Name = $"{name ?? kind} credential", Type = kind, Secret = secret }, cancellationToken);
            credentialId = createdCredential = credential.Value.Id;
        }

        try
        {
            return await UpsertAsync(caller, payload, kind, name, status, credentialId, now, cancellationToken);
        }
        catch when (createdCredential is { } orphan)
        {
            TableStorageLog.OrphanCredential(logger, orphan);
            await credentials.DeleteAsync(caller, orphan, CancellationToken.None);
            throw;
        }
    }

    public async Task<Stored<Connection>> UpdateAsync(
        ProviderCaller caller, Guid id, ConnectionPayload payload, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Name is not null)
        {
            ContractValidation.RequireName(payload.Name);
        }

        var status = payload.Status is null ? null : ContractValidation.OneOf(payload.Status, "status", ConnectionStatuses.IsKnown, ConnectionStatuses.Discovered);
        await RequireOwnCredentialAsync(caller, payload.CredentialId, cancellationToken);
        var now = TableTime.Now(time);
        return await _table.UpdateAsync(
            KeyOf(caller, id),
            current => new(ContractRules.Merge(current.Value, payload, status ?? current.Value.Status, payload.CredentialId ?? current.Value.CredentialId, now)),
            ifMatch,
            cancellationToken);
    }

    public async Task<Connection?> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var deleted = await _table.DeleteAsync(KeyOf(caller, id), cancellationToken);
        if (deleted is null)
        {
            return null;
        }

        await map.RemoveConnectionAsync(TableKeys.Tenant(caller.UserId), id, storage.Options.MaxScanEntities, cancellationToken);
        return deleted.Value with { Status = ConnectionStatuses.Deleted };
    }

    private async Task<Stored<Connection>> UpsertAsync(
        ProviderCaller caller,
        ConnectionPayload payload,
        string kind,
        string? name,
        string status,
        Guid? credentialId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var id = ContractValidation.NewIdIfEmpty(payload.Id);
        var key = KeyOf(caller, id);
        var mayExist = payload.Id is { } given && given != Guid.Empty;
        while (true)
        {
            if (mayExist)
            {
                try
                {
                    return await _table.UpdateAsync(key, current => new(ContractRules.Merge(current.Value, payload, status, credentialId, now)), null, cancellationToken);
                }
                catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.NotFound)
                {
                }
            }

            var created = new Connection
            {
                Id = id,
                Name = name ?? kind,
                Description = payload.Description,
                Url = payload.Url,
                Kind = kind,
                Type = payload.Type ?? "",
                SubType = payload.SubType ?? "",
                Status = status,
                Metadata = payload.Metadata,
                CredentialId = credentialId,
                Owner = caller.UserId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            try
            {
                return await _table.InsertAsync(key, new(created), cancellationToken);
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.Conflict && mayExist)
            {
                // Registered meanwhile by another call: update it instead.
            }
        }
    }

    /// <summary>A connection may only link a credential of the same user.</summary>
    private async Task RequireOwnCredentialAsync(ProviderCaller caller, Guid? credentialId, CancellationToken cancellationToken)
    {
        if (credentialId is { } linked && !await credentials.ExistsAsync(caller, linked, cancellationToken))
        {
            throw ProviderException.Invalid($"'credentialId' names no credential of yours: '{linked}'.");
        }
    }


    private async Task<IReadOnlyDictionary<string, int>> StatusSummaryAsync(string partition, CancellationToken cancellationToken)
    {
        var rows = await _table.Table.ScanAsync(StorageTable.RangeFilter(partition, KeyRange.All), StatusOnly, storage.Options.MaxScanEntities, cancellationToken);
        return rows.GroupBy(r => r.GetString("Status") ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private static DocumentKey KeyOf(ProviderCaller caller, Guid id) => new(TableKeys.Tenant(caller.UserId), TableKeys.Id(id), id);
}

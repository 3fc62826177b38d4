using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Validation;
using Meshery.Provider.Storage.Organizations;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Storage.Environments;

/// <summary>
/// Environments in table <c>environments</c> (PartitionKey = user id, RowKey = environment id) and
/// their connections through <see cref="EnvironmentConnectionMap"/>. Deleting an environment removes
/// its mappings after the environment itself, so a failure in between leaves only mappings nothing
/// reads (lists only show connections and environments that exist).
/// </summary>
public sealed class TableEnvironmentStore(TableStorage storage, EnvironmentConnectionMap map, TimeProvider time) : IEnvironmentStore
{
    private static readonly string[] RowKeyOnly = ["RowKey"];
    private readonly DocumentTable<MesheryEnvironment> _table = new(storage, TableDefinitions.Environments);
    private readonly DocumentTable<Connection> _connections = new(storage, TableDefinitions.Connections);

    public async Task<EnvironmentPage> ListAsync(ProviderCaller caller, PageRequest page, Guid? organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var request = new TableListRequest(TableKeys.Tenant(caller.UserId), KeyRange.All, page)
        {
            Conditions = new TableConditions().Equal("OrganizationId", organizationId?.ToString("D")),
        };
        var result = await _table.ListAsync(request, cancellationToken);
        return new EnvironmentPage(page.Page, page.PageSize, result.Total, result.Items);
    }

    public Task<Stored<MesheryEnvironment>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _table.GetAsync(KeyOf(caller, id), cancellationToken);
    }

    public Task<Stored<MesheryEnvironment>> CreateAsync(ProviderCaller caller, EnvironmentPayload payload, CancellationToken cancellationToken) =>
        CreateAsync(caller, Guid.NewGuid(), payload, cancellationToken);

    /// <summary>Creates the environment under an id chosen elsewhere (an agent's sync event); 409 when it exists.</summary>
    public Task<Stored<MesheryEnvironment>> CreateAsync(ProviderCaller caller, Guid id, EnvironmentPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var now = TableTime.Now(time);
        var environment = new MesheryEnvironment
        {
            Id = id,
            Name = ContractValidation.RequireName(payload.Name, maxLength: EnvironmentPayload.MaxNameLength),
            Description = ContractValidation.OptionalText(payload.Description, "description", EnvironmentPayload.MaxDescriptionLength),
            OrganizationId = payload.OrganizationId ?? PersonalOrganization.IdFor(caller.UserId),
            Owner = caller.UserId,
            Metadata = payload.Metadata,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return _table.InsertAsync(KeyOf(caller, environment.Id), new(environment), cancellationToken);
    }

    public Task<Stored<MesheryEnvironment>> UpdateAsync(
        ProviderCaller caller, Guid id, EnvironmentPayload payload, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var name = payload.Name is null ? null : ContractValidation.RequireName(payload.Name, maxLength: EnvironmentPayload.MaxNameLength);
        var description = payload.Description is null
            ? null
            : ContractValidation.OptionalText(payload.Description, "description", EnvironmentPayload.MaxDescriptionLength);
        var now = TableTime.Now(time);
        return _table.UpdateAsync(
            KeyOf(caller, id),
            current => new(current.Value with
            {
                Name = name ?? current.Value.Name,
                Description = description ?? current.Value.Description,
                OrganizationId = payload.OrganizationId ?? current.Value.OrganizationId,
                Metadata = payload.Metadata ?? current.Value.Metadata,
                UpdatedAt = now,
            }),
            ifMatch,
            cancellationToken);
    }

    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await _table.DeleteAsync(KeyOf(caller, id), cancellationToken) is null)
        {
            return false;
        }

        await map.RemoveEnvironmentAsync(TableKeys.Tenant(caller.UserId), id, storage.Options.MaxScanEntities, cancellationToken);
        return true;
    }

    public async Task AddConnectionAsync(ProviderCaller caller, Guid environmentId, Guid connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var partition = TableKeys.Tenant(caller.UserId);
        await RequireBothAsync(partition, environmentId, connectionId, cancellationToken);
        await map.AddAsync(partition, environmentId, connectionId, TableTime.Now(time), cancellationToken);
        try
        {
            // A delete of either side that ran meanwhile may have missed the new rows: check again.
            await RequireBothAsync(partition, environmentId, connectionId, cancellationToken);
        }
        catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.NotFound)
        {
            await map.RemoveAsync(partition, environmentId, connectionId, cancellationToken);
            throw;
        }
    }

    public Task<bool> RemoveConnectionAsync(ProviderCaller caller, Guid environmentId, Guid connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return map.RemoveAsync(TableKeys.Tenant(caller.UserId), environmentId, connectionId, cancellationToken);
    }

    public async Task<ConnectionPage> ListConnectionsAsync(ProviderCaller caller, Guid environmentId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var partition = TableKeys.Tenant(caller.UserId);
        if (!await ExistsAsync(_table.Table, partition, environmentId, cancellationToken))
        {
            throw ProviderException.NotFound("Environment", environmentId);
        }

        var mapped = await map.ConnectionsOfAsync(partition, environmentId, storage.Options.MaxScanEntities, cancellationToken);
        if (mapped.Count == 0)
        {
            return new ConnectionPage([], 0, page.Page, page.PageSize);
        }

        var request = new TableListRequest(partition, KeyRange.All, page) { RowKeys = mapped.Select(TableKeys.Id).ToHashSet(StringComparer.Ordinal) };
        var result = await _connections.ListAsync(request, cancellationToken);
        return new ConnectionPage(result.Items, result.Total, page.Page, page.PageSize);
    }

    private async Task RequireBothAsync(string partition, Guid environmentId, Guid connectionId, CancellationToken cancellationToken)
    {
        var environment = ExistsAsync(_table.Table, partition, environmentId, cancellationToken);
        var connection = ExistsAsync(_connections.Table, partition, connectionId, cancellationToken);
        if (!await environment)
        {
            throw ProviderException.NotFound("Environment", environmentId);
        }

        if (!await connection)
        {
            throw ProviderException.NotFound("Connection", connectionId);
        }
    }

    private static async Task<bool> ExistsAsync(StorageTable table, string partition, Guid id, CancellationToken cancellationToken) =>
        await table.GetAsync(partition, TableKeys.Id(id), RowKeyOnly, cancellationToken) is not null;

    private static DocumentKey KeyOf(ProviderCaller caller, Guid id) => new(TableKeys.Tenant(caller.UserId), TableKeys.Id(id), id);
}

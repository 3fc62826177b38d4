using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.LocalProvider.Storage;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Validation;

namespace Meshery.Agent.LocalProvider.Environments;

/// <summary>Environments in SQLite, with their connection mappings in <c>environment_connections</c>.</summary>
public sealed class SqliteEnvironmentStore(LocalDatabase database, TimeProvider time) : IEnvironmentStore
{
    private readonly DocumentTable<MesheryEnvironment> _table = new(database, LocalTables.Environments);
    private readonly DocumentTable<Connection> _connections = new(database, LocalTables.Connections);

    public async Task<EnvironmentPage> ListAsync(ProviderCaller caller, PageRequest page, Guid? organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var filter = new SqlFilter();
        if (organizationId is { } org)
        {
            filter.Where("organization_id = $org", ("$org", org.ToString("D")));
        }

        var (items, total) = await _table.ListAsync(caller.UserId, page, filter, cancellationToken);
        return new EnvironmentPage(page.Page, page.PageSize, total, items);
    }

    public Task<Stored<MesheryEnvironment>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _table.GetAsync(caller.UserId, id, cancellationToken);
    }

    public Task<Stored<MesheryEnvironment>> CreateAsync(ProviderCaller caller, EnvironmentPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var now = SqliteTime.Now(time);
        var environment = new MesheryEnvironment
        {
            Id = Guid.NewGuid(),
            Name = ContractValidation.RequireName(payload.Name, maxLength: EnvironmentPayload.MaxNameLength),
            Description = ContractValidation.OptionalText(payload.Description, "description", EnvironmentPayload.MaxDescriptionLength),
            OrganizationId = payload.OrganizationId ?? LocalUser.OrganizationId,
            Owner = caller.UserId,
            Metadata = payload.Metadata,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return _table.InsertAsync(caller.UserId, environment.Id, environment, now, cancellationToken);
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
        var now = SqliteTime.Now(time);
        return _table.UpdateAsync(
            caller.UserId,
            id,
            current => current with
            {
                Name = name ?? current.Name,
                Description = description ?? current.Description,
                OrganizationId = payload.OrganizationId ?? current.OrganizationId,
                Metadata = payload.Metadata ?? current.Metadata,
                UpdatedAt = now,
            },
            ifMatch,
            now,
            cancellationToken);
    }

    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await _table.DeleteAsync(caller.UserId, id, cancellationToken) is not null;
    }

    public Task AddConnectionAsync(ProviderCaller caller, Guid environmentId, Guid connectionId, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            ArgumentNullException.ThrowIfNull(caller);
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            _ = await _table.ReadAsync(connection, transaction, caller.UserId, environmentId, cancellationToken)
                ?? throw ProviderException.NotFound("Environment", environmentId);
            _ = await _connections.ReadAsync(connection, transaction, caller.UserId, connectionId, cancellationToken)
                ?? throw ProviderException.NotFound("Connection", connectionId);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText =
                "INSERT OR IGNORE INTO environment_connections (environment_id, connection_id, created_at) VALUES ($e, $c, $t);";
            insert.Parameters.AddWithValue("$e", environmentId.ToString("D"));
            insert.Parameters.AddWithValue("$c", connectionId.ToString("D"));
            insert.Parameters.AddWithValue("$t", SqliteTime.Format(time.GetUtcNow()));
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });

    public Task<bool> RemoveConnectionAsync(ProviderCaller caller, Guid environmentId, Guid connectionId, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            ArgumentNullException.ThrowIfNull(caller);
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var delete = connection.CreateCommand();
            delete.CommandText = """
                DELETE FROM environment_connections
                WHERE environment_id = $e AND connection_id = $c
                  AND EXISTS (SELECT 1 FROM environments WHERE id = $e AND owner = $o);
                """;
            delete.Parameters.AddWithValue("$e", environmentId.ToString("D"));
            delete.Parameters.AddWithValue("$c", connectionId.ToString("D"));
            delete.Parameters.AddWithValue("$o", caller.UserId.ToString("D"));
            return await delete.ExecuteNonQueryAsync(cancellationToken) > 0;
        });

    public async Task<ConnectionPage> ListConnectionsAsync(ProviderCaller caller, Guid environmentId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        _ = await GetAsync(caller, environmentId, cancellationToken) ?? throw ProviderException.NotFound("Environment", environmentId);
        var filter = new SqlFilter().Where(
            "id IN (SELECT connection_id FROM environment_connections WHERE environment_id = $env)",
            ("$env", environmentId.ToString("D")));
        var (items, total) = await _connections.ListAsync(caller.UserId, page, filter, cancellationToken);
        return new ConnectionPage(items, total, page.Page, page.PageSize);
    }
}

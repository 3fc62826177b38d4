using Meshery.Agent.LocalProvider.Credentials;
using Meshery.Agent.LocalProvider.Storage;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Validation;

namespace Meshery.Agent.LocalProvider.Connections;

/// <summary>
/// Connections in SQLite. A payload carrying a credential secret stores it as a credential (encrypted)
/// in the same transaction and links it by id.
/// </summary>
public sealed class SqliteConnectionStore(LocalDatabase database, SqliteCredentialStore credentials, TimeProvider time) : IConnectionStore
{
    private readonly DocumentTable<Connection> _table = new(database, LocalTables.Connections);

    public async Task<ConnectionPage> ListAsync(ProviderCaller caller, ConnectionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var filter = new SqlFilter().In("kind", [.. query.Kinds]).In("type", [.. query.Types]).In("status", [.. query.Statuses]);
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            filter.Where("name = $name", ("$name", query.Name));
        }

        var (items, total) = await _table.ListAsync(caller.UserId, query.Page, filter, cancellationToken);
        var summary = await StatusSummaryAsync(caller, cancellationToken);
        return new ConnectionPage(items, total, query.Page.Page, query.Page.PageSize, summary);
    }

    public Task<Stored<Connection>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _table.GetAsync(caller.UserId, id, cancellationToken);
    }

    public Task<Stored<Connection>> SaveAsync(ProviderCaller caller, ConnectionPayload payload, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            ArgumentNullException.ThrowIfNull(caller);
            ArgumentNullException.ThrowIfNull(payload);
            var kind = ContractValidation.RequireName(payload.Kind, "kind");
            var status = ContractValidation.OneOf(payload.Status, "status", ConnectionStatuses.IsKnown, ConnectionStatuses.Discovered);
            var now = SqliteTime.Now(time);
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            var credentialId = payload.CredentialId;
            if (credentialId is { } linked && await credentials.ReadAsync(connection, transaction, caller, linked, cancellationToken) is null)
            {
                throw ProviderException.Invalid($"'credentialId' names no credential of yours: '{linked}'.");
            }

            var name = payload.Name is { Length: > 0 } ? ContractValidation.RequireName(payload.Name) : null;
            if (payload.CredentialSecret is { Count: > 0 } secret)
            {
                var credential = await credentials.CreateAsync(
                    connection,
                    transaction,
                    caller,
                    new CredentialPayload { Name = $"{name ?? kind} credential", Type = kind, Secret = secret },
                    cancellationToken);
                credentialId = credential.Value.Id;
            }

            Stored<Connection> stored;
            if (payload.Id is { } id && id != Guid.Empty
                && await _table.ReadAsync(connection, transaction, caller.UserId, id, cancellationToken) is not null)
            {
                stored = await _table.UpdateAsync(
                    connection, transaction, caller.UserId, id, current => ContractRules.Merge(current, payload, status, credentialId, now), null, now, cancellationToken);
            }
            else
            {
                var created = new Connection
                {
                    Id = ContractValidation.NewIdIfEmpty(payload.Id),
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
                stored = await _table.InsertAsync(connection, transaction, caller.UserId, created.Id, created, now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return stored;
        });

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
        if (payload.CredentialId is { } linked && await credentials.GetAsync(caller, linked, cancellationToken) is null)
        {
            throw ProviderException.Invalid($"'credentialId' names no credential of yours: '{linked}'.");
        }

        var now = SqliteTime.Now(time);
        return await _table.UpdateAsync(
            caller.UserId, id, current => ContractRules.Merge(current, payload, status ?? current.Status, payload.CredentialId ?? current.CredentialId, now), ifMatch, now, cancellationToken);
    }

    public async Task<Connection?> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var deleted = await _table.DeleteAsync(caller.UserId, id, cancellationToken);
        return deleted is null ? null : deleted with { Status = ConnectionStatuses.Deleted };
    }


    private Task<IReadOnlyDictionary<string, int>> StatusSummaryAsync(ProviderCaller caller, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT status, COUNT(*) FROM connections WHERE owner = $owner GROUP BY status;";
            command.Parameters.AddWithValue("$owner", caller.UserId.ToString("D"));
            var summary = new Dictionary<string, int>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                summary[reader.GetString(0)] = reader.GetInt32(1);
            }

            return (IReadOnlyDictionary<string, int>)summary;
        });
}

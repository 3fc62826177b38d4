using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using Meshery.Provider.Hosting;
using Meshery.Provider.Storage.Tables;
using OpenIddict.Abstractions;
using static Meshery.Provider.Identity.OpenIddict.IdentityProperties;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>
/// Token entries in table <c>oidctokens</c>: the entry at PartitionKey = its id, RowKey <c>token</c>
/// (columns <c>Subject</c>, <c>ApplicationId</c>, <c>AuthorizationId</c>, <c>Status</c>, <c>Type</c>),
/// a lookup row per reference id (PartitionKey <c>ref|{hashed reference id}</c>, RowKey <c>ref</c>,
/// column <c>TokenId</c>) and one per authorization (PartitionKey <c>auth|{authorization id}</c>,
/// RowKey = the token id), so the family revoked on refresh-token reuse is one partition. Lookup rows
/// are written before the entry and checked against it on read.
/// </summary>
public sealed class TableTokenStore(IdentityTables tables, TimeProvider time) : IOpenIddictTokenStore<IdentityToken>
{
    private const string RowKey = "token";
    private const string ReferenceRowKey = "ref";

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => tables.TableAsync(IdentityTables.Tokens, cancellationToken);

    private static string ReferenceKey(string referenceId) => TableKeys.Compose("ref", referenceId);

    private static string AuthorizationKey(string authorizationId) => TableKeys.Compose("auth", authorizationId);

    private static TableEntity RowOf(IdentityToken token)
    {
        var row = IdentityTables.Row(token.Id!, RowKey, token, ProviderJsonContext.Default.IdentityToken);
        row["Subject"] = token.Subject;
        row["ApplicationId"] = token.ApplicationId;
        row["AuthorizationId"] = token.AuthorizationId;
        row["Status"] = token.Status;
        row["Type"] = token.Type;
        return row;
    }

    private static IdentityToken? FromRow(TableEntity? entity)
    {
        var value = entity is null ? null : IdentityTables.Read(entity, ProviderJsonContext.Default.IdentityToken);
        if (value is not null)
        {
            value.ETag = entity!.ETag.ToString();
        }

        return value;
    }

    private async IAsyncEnumerable<IdentityToken> QueryAsync(string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var where = TableClient.CreateQueryFilter($"RowKey eq {RowKey}") + (filter is null ? "" : " and " + filter);
        await foreach (var entity in table.QueryAsync<TableEntity>(where, cancellationToken: cancellationToken))
        {
            if (FromRow(entity) is { } token)
            {
                yield return token;
            }
        }
    }

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken) => await QueryAsync(null, cancellationToken).LongCountAsync(cancellationToken);

    public async ValueTask<long> CountAsync<TResult>(Func<IQueryable<IdentityToken>, IQueryable<TResult>> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query((await QueryAsync(null, cancellationToken).ToListAsync(cancellationToken)).AsQueryable()).LongCount();
    }

    public async ValueTask CreateAsync(IdentityToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        token.Id ??= Guid.NewGuid().ToString("N");
        var table = await TableAsync(cancellationToken);
        await WriteLookupsAsync(table, token, cancellationToken);
        token.ETag = (await IdentityTables.AddAsync(table, RowOf(token), cancellationToken)).ToString();
    }

    public async ValueTask DeleteAsync(IdentityToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var table = await TableAsync(cancellationToken);
        await IdentityTables.DeleteAsync(table, token.Id!, RowKey, token.ETag, cancellationToken);
        if (!string.IsNullOrEmpty(token.ReferenceId))
        {
            await IdentityTables.DeleteAsync(table, ReferenceKey(token.ReferenceId), ReferenceRowKey, null, cancellationToken);
        }

        if (!string.IsNullOrEmpty(token.AuthorizationId))
        {
            await IdentityTables.DeleteAsync(table, AuthorizationKey(token.AuthorizationId), token.Id!, null, cancellationToken);
        }
    }

    public async IAsyncEnumerable<IdentityToken> FindAsync(string? subject, string? client, string? status, string? type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        if (subject is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"Subject eq {subject}"));
        }

        if (client is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"ApplicationId eq {client}"));
        }

        if (status is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"Status eq {status}"));
        }

        if (type is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"Type eq {type}"));
        }

        await foreach (var token in QueryAsync(filters.Count == 0 ? null : string.Join(" and ", filters), cancellationToken))
        {
            yield return token;
        }
    }

    public IAsyncEnumerable<IdentityToken> FindByApplicationIdAsync(string identifier, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"ApplicationId eq {identifier}"), cancellationToken);

    public async IAsyncEnumerable<IdentityToken> FindByAuthorizationIdAsync(string identifier, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        var table = await TableAsync(cancellationToken);
        var partition = AuthorizationKey(identifier);
        await foreach (var lookup in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (await FindByIdAsync(lookup.RowKey, cancellationToken) is { } token && token.AuthorizationId == identifier)
            {
                yield return token;
            }
        }
    }

    public async ValueTask<IdentityToken?> FindByIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return FromRow(await IdentityTables.GetAsync(await TableAsync(cancellationToken), TableKeys.Encode(identifier), RowKey, cancellationToken));
    }

    public async ValueTask<IdentityToken?> FindByReferenceIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        var lookup = await IdentityTables.GetAsync(await TableAsync(cancellationToken), ReferenceKey(identifier), ReferenceRowKey, cancellationToken);
        return lookup?.GetString("TokenId") is { } id && await FindByIdAsync(id, cancellationToken) is { } token && token.ReferenceId == identifier
            ? token
            : null;
    }

    public IAsyncEnumerable<IdentityToken> FindBySubjectAsync(string subject, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"Subject eq {subject}"), cancellationToken);

    public ValueTask<string?> GetApplicationIdAsync(IdentityToken token, CancellationToken cancellationToken) => Done(token.ApplicationId);

    public async ValueTask<TResult?> GetAsync<TState, TResult>(Func<IQueryable<IdentityToken>, TState, IQueryable<TResult>> query, TState? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query((await QueryAsync(null, cancellationToken).ToListAsync(cancellationToken)).AsQueryable(), state!).FirstOrDefault();
    }

    public ValueTask<string?> GetAuthorizationIdAsync(IdentityToken token, CancellationToken cancellationToken) => Done(token.AuthorizationId);

    public ValueTask<DateTimeOffset?> GetCreationDateAsync(IdentityToken token, CancellationToken cancellationToken) => Done(token.CreationDate);

    public ValueTask<DateTimeOffset?> GetExpirationDateAsync(IdentityToken token, CancellationToken cancellationToken) => Done(token.ExpirationDate);

    public ValueTask<string?> GetIdAsync(IdentityToken token, CancellationToken cancellationToken) => Done(token.Id);

    public ValueTask<string?> GetPayloadAsync(IdentityToken token, CancellationToken cancellationToken) => Done(token.Payload);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(IdentityToken token, CancellationToken cancellationToken) => Done(Parse(token.Properties));

    public ValueTask<DateTimeOffset?> GetRedemptionDateAsync(IdentityToken token, CancellationToken cancellationToken) => Done(token.RedemptionDate);

    public ValueTask<string?> GetReferenceIdAsync(IdentityToken token, CancellationToken cancellationToken) => Done(token.ReferenceId);

    public ValueTask<string?> GetStatusAsync(IdentityToken token, CancellationToken cancellationToken) => Done(token.Status);

    public ValueTask<string?> GetSubjectAsync(IdentityToken token, CancellationToken cancellationToken) => Done(token.Subject);

    public ValueTask<string?> GetTypeAsync(IdentityToken token, CancellationToken cancellationToken) => Done(token.Type);

    public ValueTask<IdentityToken> InstantiateAsync(CancellationToken cancellationToken) => Done(new IdentityToken());

    public IAsyncEnumerable<IdentityToken> ListAsync(int? count, int? offset, CancellationToken cancellationToken)
    {
        var all = QueryAsync(null, cancellationToken).Skip(offset ?? 0);
        return count is { } n ? all.Take(n) : all;
    }

    public async IAsyncEnumerable<TResult> ListAsync<TState, TResult>(Func<IQueryable<IdentityToken>, TState, IQueryable<TResult>> query, TState? state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var item in query((await QueryAsync(null, cancellationToken).ToListAsync(cancellationToken)).AsQueryable(), state!))
        {
            yield return item;
        }
    }

    /// <summary>Removes entries created before <paramref name="threshold"/> that are expired or no longer usable.</summary>
    public async ValueTask<long> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken)
    {
        long removed = 0;
        var now = time.GetUtcNow();
        await foreach (var t in QueryAsync(null, cancellationToken).WithCancellation(cancellationToken))
        {
            if (t.CreationDate < threshold
                && (t.ExpirationDate < now || (t.Status != OpenIddictConstants.Statuses.Valid && t.Status != OpenIddictConstants.Statuses.Inactive)))
            {
                await DeleteAsync(t, cancellationToken);
                removed++;
            }
        }

        return removed;
    }

    public ValueTask<long> RevokeAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) =>
        RevokeAllAsync(FindAsync(subject, client, status, type, cancellationToken), cancellationToken);

    public ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken) =>
        RevokeAllAsync(FindByApplicationIdAsync(identifier, cancellationToken), cancellationToken);

    /// <summary>Revokes a whole family: every token of one authorization (used when a refresh token is reused).</summary>
    public ValueTask<long> RevokeByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken) =>
        RevokeAllAsync(FindByAuthorizationIdAsync(identifier, cancellationToken), cancellationToken);

    public ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken) =>
        RevokeAllAsync(FindBySubjectAsync(subject, cancellationToken), cancellationToken);

    private async ValueTask<long> RevokeAllAsync(IAsyncEnumerable<IdentityToken> found, CancellationToken cancellationToken)
    {
        long revoked = 0;
        foreach (var token in await found.Where(t => t.Status != OpenIddictConstants.Statuses.Revoked).ToListAsync(cancellationToken))
        {
            var current = token;
            for (var attempt = 0; attempt < 3 && current is not null && current.Status != OpenIddictConstants.Statuses.Revoked; attempt++)
            {
                current.Status = OpenIddictConstants.Statuses.Revoked;
                try
                {
                    await UpdateAsync(current, cancellationToken);
                    revoked++;
                    break;
                }
                catch (OpenIddictExceptions.ConcurrencyException)
                {
                    current = await FindByIdAsync(token.Id!, cancellationToken);
                }
            }
        }

        return revoked;
    }

    public ValueTask SetApplicationIdAsync(IdentityToken token, string? identifier, CancellationToken cancellationToken) => Set(() => token.ApplicationId = identifier);

    public ValueTask SetAuthorizationIdAsync(IdentityToken token, string? identifier, CancellationToken cancellationToken) => Set(() => token.AuthorizationId = identifier);

    public ValueTask SetCreationDateAsync(IdentityToken token, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => token.CreationDate = date);

    public ValueTask SetExpirationDateAsync(IdentityToken token, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => token.ExpirationDate = date);

    public ValueTask SetPayloadAsync(IdentityToken token, string? payload, CancellationToken cancellationToken) => Set(() => token.Payload = payload);

    public ValueTask SetPropertiesAsync(IdentityToken token, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) => Set(() => token.Properties = Write(properties));

    public ValueTask SetRedemptionDateAsync(IdentityToken token, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => token.RedemptionDate = date);

    public ValueTask SetReferenceIdAsync(IdentityToken token, string? identifier, CancellationToken cancellationToken) => Set(() => token.ReferenceId = identifier);

    public ValueTask SetStatusAsync(IdentityToken token, string? status, CancellationToken cancellationToken) => Set(() => token.Status = status);

    public ValueTask SetSubjectAsync(IdentityToken token, string? subject, CancellationToken cancellationToken) => Set(() => token.Subject = subject);

    public ValueTask SetTypeAsync(IdentityToken token, string? type, CancellationToken cancellationToken) => Set(() => token.Type = type);

    public async ValueTask UpdateAsync(IdentityToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var table = await TableAsync(cancellationToken);
        await WriteLookupsAsync(table, token, cancellationToken);
        token.ETag = (await IdentityTables.ReplaceAsync(table, RowOf(token), token.ETag, cancellationToken)).ToString();
    }

    private static async Task WriteLookupsAsync(TableClient table, IdentityToken token, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(token.ReferenceId))
        {
            await IdentityTables.UpsertAsync(table, new TableEntity(ReferenceKey(token.ReferenceId), ReferenceRowKey) { ["TokenId"] = token.Id }, cancellationToken);
        }

        if (!string.IsNullOrEmpty(token.AuthorizationId))
        {
            await IdentityTables.UpsertAsync(table, new TableEntity(AuthorizationKey(token.AuthorizationId), token.Id), cancellationToken);
        }
    }

    private static ValueTask Set(Action apply)
    {
        apply();
        return ValueTask.CompletedTask;
    }
}

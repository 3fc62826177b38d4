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
/// Authorizations in table <c>oidcauthorizations</c>: the entry at PartitionKey = its id, RowKey
/// <c>authorization</c> (columns <c>Subject</c>, <c>ApplicationId</c>, <c>Status</c>, <c>Type</c>), and a
/// lookup row per subject (PartitionKey <c>sub|{subject}</c>, RowKey = the id), so a user's
/// authorizations are one partition. Lookup rows are written before the entry and checked against it
/// on read, so a crash in between never shows a wrong result.
/// </summary>
public sealed class TableAuthorizationStore(IdentityTables tables) : IOpenIddictAuthorizationStore<IdentityAuthorization>
{
    private const string RowKey = "authorization";

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => tables.TableAsync(IdentityTables.Authorizations, cancellationToken);

    private static string SubjectKey(string subject) => TableKeys.Compose("sub", subject);

    private static TableEntity RowOf(IdentityAuthorization authorization)
    {
        var row = IdentityTables.Row(authorization.Id!, RowKey, authorization, ProviderJsonContext.Default.IdentityAuthorization);
        row["Subject"] = authorization.Subject;
        row["ApplicationId"] = authorization.ApplicationId;
        row["Status"] = authorization.Status;
        row["Type"] = authorization.Type;
        return row;
    }

    private static IdentityAuthorization? FromRow(TableEntity? entity)
    {
        var value = entity is null ? null : IdentityTables.Read(entity, ProviderJsonContext.Default.IdentityAuthorization);
        if (value is not null)
        {
            value.ETag = entity!.ETag.ToString();
        }

        return value;
    }

    private async IAsyncEnumerable<IdentityAuthorization> QueryAsync(string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var where = TableClient.CreateQueryFilter($"RowKey eq {RowKey}") + (filter is null ? "" : " and " + filter);
        await foreach (var entity in table.QueryAsync<TableEntity>(where, cancellationToken: cancellationToken))
        {
            if (FromRow(entity) is { } authorization)
            {
                yield return authorization;
            }
        }
    }

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken) => await QueryAsync(null, cancellationToken).LongCountAsync(cancellationToken);

    public async ValueTask<long> CountAsync<TResult>(Func<IQueryable<IdentityAuthorization>, IQueryable<TResult>> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query((await QueryAsync(null, cancellationToken).ToListAsync(cancellationToken)).AsQueryable()).LongCount();
    }

    public async ValueTask CreateAsync(IdentityAuthorization authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization.Id ??= Guid.NewGuid().ToString("N");
        var table = await TableAsync(cancellationToken);
        await WriteSubjectLookupAsync(table, authorization, cancellationToken);
        authorization.ETag = (await IdentityTables.AddAsync(table, RowOf(authorization), cancellationToken)).ToString();
    }

    public async ValueTask DeleteAsync(IdentityAuthorization authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var table = await TableAsync(cancellationToken);
        await IdentityTables.DeleteAsync(table, authorization.Id!, RowKey, authorization.ETag, cancellationToken);
        if (!string.IsNullOrEmpty(authorization.Subject))
        {
            await IdentityTables.DeleteAsync(table, SubjectKey(authorization.Subject), authorization.Id!, null, cancellationToken);
        }
    }

    public async IAsyncEnumerable<IdentityAuthorization> FindAsync(
        string? subject, string? client, string? status, string? type, ImmutableArray<string>? scopes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var candidates = subject is null ? QueryAsync(null, cancellationToken) : FindBySubjectAsync(subject, cancellationToken);
        await foreach (var a in candidates.WithCancellation(cancellationToken))
        {
            if ((client is null || a.ApplicationId == client)
                && (status is null || a.Status == status)
                && (type is null || a.Type == type)
                && (scopes is not { } wanted || wanted.All(s => a.Scopes.Contains(s, StringComparer.Ordinal))))
            {
                yield return a;
            }
        }
    }

    public IAsyncEnumerable<IdentityAuthorization> FindByApplicationIdAsync(string identifier, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"ApplicationId eq {identifier}"), cancellationToken);

    public async ValueTask<IdentityAuthorization?> FindByIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return FromRow(await IdentityTables.GetAsync(await TableAsync(cancellationToken), TableKeys.Encode(identifier), RowKey, cancellationToken));
    }

    public async IAsyncEnumerable<IdentityAuthorization> FindBySubjectAsync(string subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var table = await TableAsync(cancellationToken);
        var partition = SubjectKey(subject);
        await foreach (var lookup in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (await FindByIdAsync(lookup.RowKey, cancellationToken) is { } found && found.Subject == subject)
            {
                yield return found;
            }
        }
    }

    public ValueTask<string?> GetApplicationIdAsync(IdentityAuthorization authorization, CancellationToken cancellationToken) => Done(authorization.ApplicationId);

    public async ValueTask<TResult?> GetAsync<TState, TResult>(Func<IQueryable<IdentityAuthorization>, TState, IQueryable<TResult>> query, TState? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query((await QueryAsync(null, cancellationToken).ToListAsync(cancellationToken)).AsQueryable(), state!).FirstOrDefault();
    }

    public ValueTask<DateTimeOffset?> GetCreationDateAsync(IdentityAuthorization authorization, CancellationToken cancellationToken) => Done(authorization.CreationDate);

    public ValueTask<string?> GetIdAsync(IdentityAuthorization authorization, CancellationToken cancellationToken) => Done(authorization.Id);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(IdentityAuthorization authorization, CancellationToken cancellationToken) => Done(Parse(authorization.Properties));

    public ValueTask<ImmutableArray<string>> GetScopesAsync(IdentityAuthorization authorization, CancellationToken cancellationToken) => Done(authorization.Scopes.ToImmutableArray());

    public ValueTask<string?> GetStatusAsync(IdentityAuthorization authorization, CancellationToken cancellationToken) => Done(authorization.Status);

    public ValueTask<string?> GetSubjectAsync(IdentityAuthorization authorization, CancellationToken cancellationToken) => Done(authorization.Subject);

    public ValueTask<string?> GetTypeAsync(IdentityAuthorization authorization, CancellationToken cancellationToken) => Done(authorization.Type);

    public ValueTask<IdentityAuthorization> InstantiateAsync(CancellationToken cancellationToken) => Done(new IdentityAuthorization());

    public IAsyncEnumerable<IdentityAuthorization> ListAsync(int? count, int? offset, CancellationToken cancellationToken)
    {
        var all = QueryAsync(null, cancellationToken).Skip(offset ?? 0);
        return count is { } n ? all.Take(n) : all;
    }

    public async IAsyncEnumerable<TResult> ListAsync<TState, TResult>(Func<IQueryable<IdentityAuthorization>, TState, IQueryable<TResult>> query, TState? state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var item in query((await QueryAsync(null, cancellationToken).ToListAsync(cancellationToken)).AsQueryable(), state!))
        {
            yield return item;
        }
    }

    /// <summary>Removes entries created before <paramref name="threshold"/> that are no longer valid.</summary>
    public async ValueTask<long> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken)
    {
        long removed = 0;
        await foreach (var a in QueryAsync(null, cancellationToken).WithCancellation(cancellationToken))
        {
            if (a.CreationDate < threshold && a.Status != OpenIddictConstants.Statuses.Valid)
            {
                await DeleteAsync(a, cancellationToken);
                removed++;
            }
        }

        return removed;
    }

    public ValueTask<long> RevokeAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) =>
        RevokeAllAsync(FindAsync(subject, client, status, type, null, cancellationToken), cancellationToken);

    public ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken) =>
        RevokeAllAsync(FindByApplicationIdAsync(identifier, cancellationToken), cancellationToken);

    public ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken) =>
        RevokeAllAsync(FindBySubjectAsync(subject, cancellationToken), cancellationToken);

    private async ValueTask<long> RevokeAllAsync(IAsyncEnumerable<IdentityAuthorization> found, CancellationToken cancellationToken)
    {
        long revoked = 0;
        foreach (var a in await found.Where(a => a.Status != OpenIddictConstants.Statuses.Revoked).ToListAsync(cancellationToken))
        {
            a.Status = OpenIddictConstants.Statuses.Revoked;
            try
            {
                await UpdateAsync(a, cancellationToken);
                revoked++;
            }
            catch (OpenIddictExceptions.ConcurrencyException)
            {
                // Changed meanwhile: revoke what is there now.
                if (await FindByIdAsync(a.Id!, cancellationToken) is { } current && current.Status != OpenIddictConstants.Statuses.Revoked)
                {
                    current.Status = OpenIddictConstants.Statuses.Revoked;
                    await UpdateAsync(current, cancellationToken);
                    revoked++;
                }
            }
        }

        return revoked;
    }

    public ValueTask SetApplicationIdAsync(IdentityAuthorization authorization, string? identifier, CancellationToken cancellationToken) => Set(() => authorization.ApplicationId = identifier);

    public ValueTask SetCreationDateAsync(IdentityAuthorization authorization, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => authorization.CreationDate = date);

    public ValueTask SetPropertiesAsync(IdentityAuthorization authorization, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) => Set(() => authorization.Properties = Write(properties));

    public ValueTask SetScopesAsync(IdentityAuthorization authorization, ImmutableArray<string> scopes, CancellationToken cancellationToken) => Set(() => authorization.Scopes = [.. scopes]);

    public ValueTask SetStatusAsync(IdentityAuthorization authorization, string? status, CancellationToken cancellationToken) => Set(() => authorization.Status = status);

    public ValueTask SetSubjectAsync(IdentityAuthorization authorization, string? subject, CancellationToken cancellationToken) => Set(() => authorization.Subject = subject);

    public ValueTask SetTypeAsync(IdentityAuthorization authorization, string? type, CancellationToken cancellationToken) => Set(() => authorization.Type = type);

    public async ValueTask UpdateAsync(IdentityAuthorization authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var table = await TableAsync(cancellationToken);
        await WriteSubjectLookupAsync(table, authorization, cancellationToken);
        authorization.ETag = (await IdentityTables.ReplaceAsync(table, RowOf(authorization), authorization.ETag, cancellationToken)).ToString();
    }

    private static async Task WriteSubjectLookupAsync(TableClient table, IdentityAuthorization authorization, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(authorization.Subject))
        {
            await IdentityTables.UpsertAsync(table, new TableEntity(SubjectKey(authorization.Subject), authorization.Id), cancellationToken);
        }
    }

    private static ValueTask Set(Action apply)
    {
        apply();
        return ValueTask.CompletedTask;
    }
}

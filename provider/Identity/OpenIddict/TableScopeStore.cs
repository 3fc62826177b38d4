using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using Meshery.Provider.Hosting;
using Meshery.Provider.Storage.Tables;
using OpenIddict.Abstractions;
using static Meshery.Provider.Identity.OpenIddict.IdentityProperties;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>Scopes in table <c>oidcscopes</c>: PartitionKey = the escaped name, RowKey <c>scope</c>; the id is the name.</summary>
public sealed class TableScopeStore(IdentityTables tables) : IOpenIddictScopeStore<IdentityScope>
{
    private const string RowKey = "scope";

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => tables.TableAsync(IdentityTables.Scopes, cancellationToken);

    private static TableEntity RowOf(IdentityScope scope) =>
        IdentityTables.Row(TableKeys.Encode(scope.Name!), RowKey, scope, ProviderJsonContext.Default.IdentityScope);

    private static IdentityScope? FromRow(TableEntity? entity)
    {
        var value = entity is null ? null : IdentityTables.Read(entity, ProviderJsonContext.Default.IdentityScope);
        if (value is not null)
        {
            value.ETag = entity!.ETag.ToString();
        }

        return value;
    }

    private async IAsyncEnumerable<IdentityScope> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.RowKey == RowKey, cancellationToken: cancellationToken))
        {
            if (FromRow(entity) is { } scope)
            {
                yield return scope;
            }
        }
    }

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken) => await AllAsync(cancellationToken).LongCountAsync(cancellationToken);

    public async ValueTask<long> CountAsync<TResult>(Func<IQueryable<IdentityScope>, IQueryable<TResult>> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query((await AllAsync(cancellationToken).ToListAsync(cancellationToken)).AsQueryable()).LongCount();
    }

    public async ValueTask CreateAsync(IdentityScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(scope.Name);
        scope.Id = scope.Name;
        scope.ETag = (await IdentityTables.AddAsync(await TableAsync(cancellationToken), RowOf(scope), cancellationToken)).ToString();
    }

    public async ValueTask DeleteAsync(IdentityScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await IdentityTables.DeleteAsync(await TableAsync(cancellationToken), TableKeys.Encode(scope.Name!), RowKey, scope.ETag, cancellationToken);
    }

    public ValueTask<IdentityScope?> FindByIdAsync(string identifier, CancellationToken cancellationToken) => FindByNameAsync(identifier, cancellationToken);

    public async ValueTask<IdentityScope?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return FromRow(await IdentityTables.GetAsync(await TableAsync(cancellationToken), TableKeys.Encode(name), RowKey, cancellationToken));
    }

    public async IAsyncEnumerable<IdentityScope> FindByNamesAsync(ImmutableArray<string> names, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (await FindByNameAsync(name, cancellationToken) is { } scope)
            {
                yield return scope;
            }
        }
    }

    public IAsyncEnumerable<IdentityScope> FindByResourceAsync(string resource, CancellationToken cancellationToken) =>
        AllAsync(cancellationToken).Where(s => s.Resources.Contains(resource, StringComparer.Ordinal));

    public async ValueTask<TResult?> GetAsync<TState, TResult>(Func<IQueryable<IdentityScope>, TState, IQueryable<TResult>> query, TState? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query((await AllAsync(cancellationToken).ToListAsync(cancellationToken)).AsQueryable(), state!).FirstOrDefault();
    }

    public ValueTask<string?> GetDescriptionAsync(IdentityScope scope, CancellationToken cancellationToken) => Done(scope.Description);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDescriptionsAsync(IdentityScope scope, CancellationToken cancellationToken) => Done(Cultures(scope.Descriptions));

    public ValueTask<string?> GetDisplayNameAsync(IdentityScope scope, CancellationToken cancellationToken) => Done(scope.DisplayName);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDisplayNamesAsync(IdentityScope scope, CancellationToken cancellationToken) => Done(Cultures(scope.DisplayNames));

    public ValueTask<string?> GetIdAsync(IdentityScope scope, CancellationToken cancellationToken) => Done(scope.Id);

    public ValueTask<string?> GetNameAsync(IdentityScope scope, CancellationToken cancellationToken) => Done(scope.Name);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(IdentityScope scope, CancellationToken cancellationToken) => Done(Parse(scope.Properties));

    public ValueTask<ImmutableArray<string>> GetResourcesAsync(IdentityScope scope, CancellationToken cancellationToken) => Done(scope.Resources.ToImmutableArray());

    public ValueTask<IdentityScope> InstantiateAsync(CancellationToken cancellationToken) => Done(new IdentityScope());

    public IAsyncEnumerable<IdentityScope> ListAsync(int? count, int? offset, CancellationToken cancellationToken)
    {
        var all = AllAsync(cancellationToken).Skip(offset ?? 0);
        return count is { } n ? all.Take(n) : all;
    }

    public async IAsyncEnumerable<TResult> ListAsync<TState, TResult>(Func<IQueryable<IdentityScope>, TState, IQueryable<TResult>> query, TState? state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var item in query((await AllAsync(cancellationToken).ToListAsync(cancellationToken)).AsQueryable(), state!))
        {
            yield return item;
        }
    }

    public ValueTask SetDescriptionAsync(IdentityScope scope, string? description, CancellationToken cancellationToken) => Set(() => scope.Description = description);

    public ValueTask SetDescriptionsAsync(IdentityScope scope, ImmutableDictionary<CultureInfo, string> descriptions, CancellationToken cancellationToken) => Set(() => scope.Descriptions = Cultures(descriptions));

    public ValueTask SetDisplayNameAsync(IdentityScope scope, string? name, CancellationToken cancellationToken) => Set(() => scope.DisplayName = name);

    public ValueTask SetDisplayNamesAsync(IdentityScope scope, ImmutableDictionary<CultureInfo, string> names, CancellationToken cancellationToken) => Set(() => scope.DisplayNames = Cultures(names));

    public ValueTask SetNameAsync(IdentityScope scope, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.ETag is not null && !string.Equals(scope.Name, name, StringComparison.Ordinal))
        {
            throw new NotSupportedException("A stored scope's name is its key and cannot change.");
        }

        scope.Name = name;
        return ValueTask.CompletedTask;
    }

    public ValueTask SetPropertiesAsync(IdentityScope scope, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) => Set(() => scope.Properties = Write(properties));

    public ValueTask SetResourcesAsync(IdentityScope scope, ImmutableArray<string> resources, CancellationToken cancellationToken) => Set(() => scope.Resources = [.. resources]);

    public async ValueTask UpdateAsync(IdentityScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.ETag = (await IdentityTables.ReplaceAsync(await TableAsync(cancellationToken), RowOf(scope), scope.ETag, cancellationToken)).ToString();
    }

    private static ValueTask Set(Action apply)
    {
        apply();
        return ValueTask.CompletedTask;
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using Meshery.Provider.Hosting;
using Meshery.Provider.Storage.Tables;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static Meshery.Provider.Identity.OpenIddict.IdentityProperties;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>
/// Registered clients in table <c>oidcapplications</c>: PartitionKey = the escaped client id,
/// RowKey <c>application</c>; the application id is the client id, so both lookups are one point
/// read. Lookups by redirect URI scan the (small, configuration-seeded) table.
/// </summary>
public sealed class TableApplicationStore(IdentityTables tables) : IOpenIddictApplicationStore<IdentityApplication>
{
    private const string RowKey = "application";

    private static string KeyOf(string clientId) => TableKeys.Encode(clientId);

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => tables.TableAsync(IdentityTables.Applications, cancellationToken);

    private static TableEntity RowOf(IdentityApplication application) =>
        IdentityTables.Row(KeyOf(application.ClientId!), RowKey, application, ProviderJsonContext.Default.IdentityApplication);

    private static IdentityApplication? FromRow(TableEntity? entity)
    {
        if (entity is null)
        {
            return null;
        }

        var value = IdentityTables.Read(entity, ProviderJsonContext.Default.IdentityApplication);
        if (value is not null)
        {
            value.ETag = entity.ETag.ToString();
        }

        return value;
    }

    private async IAsyncEnumerable<IdentityApplication> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.RowKey == RowKey, cancellationToken: cancellationToken))
        {
            if (FromRow(entity) is { } application)
            {
                yield return application;
            }
        }
    }

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken) => await AllAsync(cancellationToken).LongCountAsync(cancellationToken);

    public async ValueTask<long> CountAsync<TResult>(Func<IQueryable<IdentityApplication>, IQueryable<TResult>> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query((await AllAsync(cancellationToken).ToListAsync(cancellationToken)).AsQueryable()).LongCount();
    }

    public async ValueTask CreateAsync(IdentityApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (string.IsNullOrEmpty(application.ClientId))
        {
            throw new ArgumentException("The client id is required.", nameof(application));
        }

        application.Id = application.ClientId;
        var etag = await IdentityTables.AddAsync(await TableAsync(cancellationToken), RowOf(application), cancellationToken);
        application.ETag = etag.ToString();
    }

    public async ValueTask DeleteAsync(IdentityApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        await IdentityTables.DeleteAsync(await TableAsync(cancellationToken), KeyOf(application.ClientId!), RowKey, application.ETag, cancellationToken);
    }

    public ValueTask<IdentityApplication?> FindByIdAsync(string identifier, CancellationToken cancellationToken) => FindByClientIdAsync(identifier, cancellationToken);

    public async ValueTask<IdentityApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return FromRow(await IdentityTables.GetAsync(await TableAsync(cancellationToken), KeyOf(identifier), RowKey, cancellationToken));
    }

    public IAsyncEnumerable<IdentityApplication> FindByPostLogoutRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        AllAsync(cancellationToken).Where(a => a.PostLogoutRedirectUris.Contains(uri, StringComparer.Ordinal));

    public IAsyncEnumerable<IdentityApplication> FindByRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        AllAsync(cancellationToken).Where(a => a.RedirectUris.Contains(uri, StringComparer.Ordinal));

    public ValueTask<string?> GetApplicationTypeAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(application.ApplicationType);

    public async ValueTask<TResult?> GetAsync<TState, TResult>(Func<IQueryable<IdentityApplication>, TState, IQueryable<TResult>> query, TState? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query((await AllAsync(cancellationToken).ToListAsync(cancellationToken)).AsQueryable(), state!).FirstOrDefault();
    }

    public ValueTask<string?> GetClientIdAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(application.ClientId);

    public ValueTask<string?> GetClientSecretAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(application.ClientSecret);

    public ValueTask<string?> GetClientTypeAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(application.ClientType);

    public ValueTask<string?> GetConsentTypeAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(application.ConsentType);

    public ValueTask<string?> GetDisplayNameAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(application.DisplayName);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDisplayNamesAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(Cultures(application.DisplayNames));

    public ValueTask<string?> GetIdAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(application.Id);

    public ValueTask<JsonWebKeySet?> GetJsonWebKeySetAsync(IdentityApplication application, CancellationToken cancellationToken) =>
        Done(string.IsNullOrEmpty(application.JsonWebKeySet) ? null : new JsonWebKeySet(application.JsonWebKeySet));

    public ValueTask<ImmutableArray<string>> GetPermissionsAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(application.Permissions.ToImmutableArray());

    public ValueTask<ImmutableArray<string>> GetPostLogoutRedirectUrisAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(application.PostLogoutRedirectUris.ToImmutableArray());

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(Parse(application.Properties));

    public ValueTask<ImmutableArray<string>> GetRedirectUrisAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(application.RedirectUris.ToImmutableArray());

    public ValueTask<ImmutableArray<string>> GetRequirementsAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(application.Requirements.ToImmutableArray());

    public ValueTask<ImmutableDictionary<string, string>> GetSettingsAsync(IdentityApplication application, CancellationToken cancellationToken) => Done(application.Settings.ToImmutableDictionary());

    public ValueTask<IdentityApplication> InstantiateAsync(CancellationToken cancellationToken) => Done(new IdentityApplication());

    public IAsyncEnumerable<IdentityApplication> ListAsync(int? count, int? offset, CancellationToken cancellationToken)
    {
        var all = AllAsync(cancellationToken).Skip(offset ?? 0);
        return count is { } n ? all.Take(n) : all;
    }

    public async IAsyncEnumerable<TResult> ListAsync<TState, TResult>(Func<IQueryable<IdentityApplication>, TState, IQueryable<TResult>> query, TState? state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var item in query((await AllAsync(cancellationToken).ToListAsync(cancellationToken)).AsQueryable(), state!))
        {
            yield return item;
        }
    }

    public ValueTask SetApplicationTypeAsync(IdentityApplication application, string? type, CancellationToken cancellationToken) => Set(() => application.ApplicationType = type);

    public ValueTask SetClientIdAsync(IdentityApplication application, string? identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.ETag is not null && !string.Equals(application.ClientId, identifier, StringComparison.Ordinal))
        {
            throw new NotSupportedException("A stored application's client id is its key and cannot change.");
        }

        application.ClientId = identifier;
        return ValueTask.CompletedTask;
    }

    public ValueTask SetClientSecretAsync(IdentityApplication application, string? secret, CancellationToken cancellationToken) => Set(() => application.ClientSecret = secret);

    public ValueTask SetClientTypeAsync(IdentityApplication application, string? type, CancellationToken cancellationToken) => Set(() => application.ClientType = type);

    public ValueTask SetConsentTypeAsync(IdentityApplication application, string? type, CancellationToken cancellationToken) => Set(() => application.ConsentType = type);

    public ValueTask SetDisplayNameAsync(IdentityApplication application, string? name, CancellationToken cancellationToken) => Set(() => application.DisplayName = name);

    public ValueTask SetDisplayNamesAsync(IdentityApplication application, ImmutableDictionary<CultureInfo, string> names, CancellationToken cancellationToken) => Set(() => application.DisplayNames = Cultures(names));

    /// <summary>Client key sets (private_key_jwt) are not offered: clients authenticate with secrets or not at all.</summary>
    public ValueTask SetJsonWebKeySetAsync(IdentityApplication application, JsonWebKeySet? set, CancellationToken cancellationToken) =>
        set is null ? ValueTask.CompletedTask : throw new NotSupportedException("Client JSON Web Key Sets are not supported.");

    public ValueTask SetPermissionsAsync(IdentityApplication application, ImmutableArray<string> permissions, CancellationToken cancellationToken) => Set(() => application.Permissions = [.. permissions]);

    public ValueTask SetPostLogoutRedirectUrisAsync(IdentityApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) => Set(() => application.PostLogoutRedirectUris = [.. uris]);

    public ValueTask SetPropertiesAsync(IdentityApplication application, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) => Set(() => application.Properties = Write(properties));

    public ValueTask SetRedirectUrisAsync(IdentityApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) => Set(() => application.RedirectUris = [.. uris]);

    public ValueTask SetRequirementsAsync(IdentityApplication application, ImmutableArray<string> requirements, CancellationToken cancellationToken) => Set(() => application.Requirements = [.. requirements]);

    public ValueTask SetSettingsAsync(IdentityApplication application, ImmutableDictionary<string, string> settings, CancellationToken cancellationToken) => Set(() => application.Settings = new Dictionary<string, string>(settings));

    public async ValueTask UpdateAsync(IdentityApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var etag = await IdentityTables.ReplaceAsync(await TableAsync(cancellationToken), RowOf(application), application.ETag, cancellationToken);
        application.ETag = etag.ToString();
    }

    private static ValueTask Set(Action apply)
    {
        apply();
        return ValueTask.CompletedTask;
    }
}

using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Data.Tables;
using Meshery.Provider.Storage.Tables;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>
/// The sign-in tables (tenant-free: clients, grants and tokens belong to the issuer, accounts are
/// keyed by e-mail). Each row holds its JSON document in <c>Doc0..DocN</c> beside the columns its
/// queries filter on; every update is guarded by the ETag it read.
/// </summary>
public sealed class IdentityTables
{
    public const string Accounts = "accounts";
    public const string Applications = "oidcapplications";
    public const string Authorizations = "oidcauthorizations";
    public const string Scopes = "oidcscopes";
    public const string Tokens = "oidctokens";
    public const string AnonymousUsers = "anonymoususers";
    public const string ExternalLogins = "externallogins";

    private const int DocPartLength = 30_000;
    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public IdentityTables(IOptions<TableStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _service = new TableServiceClient(options.Value.ConnectionString);
        _prefix = options.Value.TablePrefix;
    }

    public static IReadOnlyList<string> All { get; } = [Accounts, Applications, Authorizations, Scopes, Tokens, AnonymousUsers, ExternalLogins];

    /// <summary>The table, created on first use.</summary>
    public async Task<TableClient> TableAsync(string name, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (RequestFailedException)
        {
            _tables.TryRemove(name, out _);
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var client = _service.GetTableClient(_prefix + name);
        await client.CreateIfNotExistsAsync(CancellationToken.None);
        return client;
    }

    /// <summary>A row holding <paramref name="value"/> as its document.</summary>
    public static TableEntity Row<T>(string partitionKey, string rowKey, T value, JsonTypeInfo<T> info)
    {
        var entity = new TableEntity(partitionKey, rowKey);
        var json = JsonSerializer.Serialize(value, info);
        var parts = 0;
        var offset = 0;
        do
        {
            var length = Math.Min(DocPartLength, json.Length - offset);
            if (offset + length < json.Length && char.IsHighSurrogate(json[offset + length - 1]))
            {
                length--;
            }

            entity["Doc" + parts.ToString(System.Globalization.CultureInfo.InvariantCulture)] = json.Substring(offset, length);
            offset += length;
            parts++;
        }
        while (offset < json.Length);

        entity["DocParts"] = parts;
        return entity;
    }

    /// <summary>The document of a row written by <see cref="Row"/>.</summary>
    public static T? Read<T>(TableEntity entity, JsonTypeInfo<T> info)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var parts = entity.GetInt32("DocParts") ?? 0;
        var json = new StringBuilder();
        for (var i = 0; i < parts; i++)
        {
            json.Append(entity.GetString("Doc" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return json.Length == 0 ? default : JsonSerializer.Deserialize(json.ToString(), info);
    }

    public static async Task<TableEntity?> GetAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Adds a row; an existing one is a concurrency failure (someone created it first).</summary>
    public static async Task<ETag> AddAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new OpenIddictExceptions.ConcurrencyException("The entry already exists.", ex);
        }
    }

    /// <summary>Replaces a row if it still has <paramref name="etag"/>; otherwise a concurrency failure.</summary>
    public static async Task<ETag> ReplaceAsync(TableClient table, TableEntity entity, string? etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.UpdateEntityAsync(entity, etag is null ? ETag.All : new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            throw new OpenIddictExceptions.ConcurrencyException("The entry was changed or removed by someone else.", ex);
        }
    }

    /// <summary>Deletes a row if it still has <paramref name="etag"/> (a missing row is fine).</summary>
    public static async Task DeleteAsync(TableClient table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, etag is null ? ETag.All : new ETag(etag), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new OpenIddictExceptions.ConcurrencyException("The entry was changed by someone else.", ex);
        }
    }

    /// <summary>Writes a lookup row unconditionally.</summary>
    public static Task UpsertAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);

    public static string ETagOf(ETag etag) => etag.ToString();
}

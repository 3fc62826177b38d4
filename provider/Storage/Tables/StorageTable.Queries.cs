using Azure;
using Azure.Data.Tables;
using Meshery.ExtensionPoints.Errors;

namespace Meshery.Provider.Storage.Tables;

public sealed partial class StorageTable
{
    /// <summary>How many entities match <paramref name="filter"/>, counted over RowKey-only pages of 1,000 (whose tokens are cached).</summary>
    public Task<int> CountAsync(string partition, string filter, CancellationToken cancellationToken) =>
        RunAsync(
            async () =>
            {
                var total = 0;
                await foreach (var page in Client.QueryAsync<TableEntity>(filter, EntityLimits.MaxPageSize, RowKeyOnly, cancellationToken).AsPages())
                {
                    total += page.Values.Count;
                    if (page.ContinuationToken is { } token)
                    {
                        _storage.Cache.Put(Name, partition, filter, total, token);
                    }
                }

                return total;
            },
            cancellationToken);

    /// <summary>
    /// The <paramref name="count"/> entities from entity <paramref name="offset"/> on, in key order:
    /// resumes at the nearest cached token at or before the offset, skips the rest with RowKey-only
    /// pages, then reads pages of at most 1,000 with <paramref name="select"/>. Server pages may come
    /// back short; offsets count entities, never pages.
    /// </summary>
    public Task<List<TableEntity>> ReadRangeAsync(
        string partition, string filter, int offset, int count, IReadOnlyList<string> select, CancellationToken cancellationToken) =>
        RunAsync(
            async () =>
            {
                var items = new List<TableEntity>(Math.Min(count, EntityLimits.MaxPageSize));
                var (position, token) = _storage.Cache.Floor(Name, partition, filter, offset);
                var started = position > 0;
                while (position < offset)
                {
                    if (started && token is null)
                    {
                        return items;
                    }

                    var page = await FirstPageAsync(filter, Math.Min(EntityLimits.MaxPageSize, offset - position), RowKeyOnly, token, cancellationToken);
                    started = true;
                    position += page.Count;
                    token = page.Token;
                    Remember(partition, filter, position, token);
                }

                while (items.Count < count && !(started && token is null))
                {
                    var page = await FirstPageAsync(filter, Math.Min(EntityLimits.MaxPageSize, count - items.Count), select, token, cancellationToken);
                    started = true;
                    items.AddRange(page.Values);
                    position += page.Count;
                    token = page.Token;
                    Remember(partition, filter, position, token);
                }

                return items;
            },
            cancellationToken);

    /// <summary>
    /// Every entity matching <paramref name="filter"/>, only the <paramref name="select"/>ed properties,
    /// in pages of 1,000; more than <paramref name="max"/> is refused (the caller must narrow the query).
    /// </summary>
    public Task<List<TableEntity>> ScanAsync(string filter, IReadOnlyList<string> select, int max, CancellationToken cancellationToken) =>
        RunAsync(
            async () =>
            {
                var items = new List<TableEntity>();
                await foreach (var page in Client.QueryAsync<TableEntity>(filter, EntityLimits.MaxPageSize, select, cancellationToken).AsPages())
                {
                    items.AddRange(page.Values);
                    if (items.Count > max)
                    {
                        throw ProviderException.Invalid(
                            $"The list holds more than {max} entries, too many to sort or search; narrow it with filters or leave out 'search' and 'order'.");
                    }
                }

                return items;
            },
            cancellationToken);

    private void Remember(string partition, string filter, int position, string? token)
    {
        if (token is not null)
        {
            _storage.Cache.Put(Name, partition, filter, position, token);
        }
    }

    private async Task<(IReadOnlyList<TableEntity> Values, int Count, string? Token)> FirstPageAsync(
        string filter, int size, IReadOnlyList<string> select, string? token, CancellationToken cancellationToken)
    {
        await foreach (var page in Client.QueryAsync<TableEntity>(filter, size, select, cancellationToken).AsPages(token, size))
        {
            return (page.Values, page.Values.Count, page.ContinuationToken);
        }

        return ([], 0, null);
    }
}

using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// Documents of one kind in one table: each entity holds the JSON document (split over
/// <c>Doc0..DocN</c>, or in a blob when it would take the entity past
/// <see cref="EntityLimits.MaxInlineEntityBytes"/>) plus the columns its lists read. Writes are
/// guarded by the entity's ETag; blobs get a fresh name per write so a lost race never
/// overwrites the winner's document, and the replaced blob is removed once the entity moved on.
/// </summary>
public sealed partial class DocumentTable<T>
    where T : class
{
    private static readonly string[] DocumentSelect = ["RowKey", .. DocumentParts.Columns];
    private const int BlobReadAttempts = 3;

    private readonly TableStorage _storage;

    public DocumentTable(TableStorage storage, DocumentTableDefinition<T> definition)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(definition);
        _storage = storage;
        Definition = definition;
        Table = storage.Table(definition.Table);
        Container = storage.Container(definition.Table);
    }

    public DocumentTableDefinition<T> Definition { get; }

    public StorageTable Table { get; }

    public BlobContainerClient Container { get; }

    /// <summary>The document with every property of its entity (columns and extras included), or null.</summary>
    public async Task<DocumentEntity<T>?> ReadAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var entity = await Table.GetAsync(key.Partition, key.Row, null, cancellationToken);
            if (entity is null)
            {
                return null;
            }

            var value = await DecodeAsync(entity, cancellationToken);
            if (value is not null)
            {
                return new DocumentEntity<T>(value, entity.ETag, entity);
            }

            if (attempt == BlobReadAttempts)
            {
                throw BlobMissing(key.Id);
            }
        }
    }

    public async Task<Stored<T>?> GetAsync(DocumentKey key, CancellationToken cancellationToken) =>
        (await ReadAsync(key, cancellationToken))?.ToStored();

    /// <summary>Documents by RowKey, in the order given, read in parallel; missing ones are left out.</summary>
    public async Task<IReadOnlyList<T>> ReadManyAsync(string partition, IReadOnlyList<string> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var found = new T?[rows.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, rows.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _storage.Options.MaxParallelReads, CancellationToken = cancellationToken },
            async (i, token) => found[i] = await ReadDocumentAsync(partition, rows[i], token));
        return [.. found.Where(d => d is not null).Select(d => d!)];
    }

    /// <summary>Documents of entities a query returned: inline ones decoded here, blob downloads run in parallel.</summary>
    public async Task<IReadOnlyList<T>> DecodeManyAsync(string partition, IReadOnlyList<TableEntity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var found = new T?[entities.Count];
        List<int>? inBlobs = null;
        for (var i = 0; i < entities.Count; i++)
        {
            if (DocumentParts.BlobOf(entities[i]) is null)
            {
                found[i] = DecodeInline(entities[i]);
            }
            else
            {
                (inBlobs ??= []).Add(i);
            }
        }

        if (inBlobs is not null)
        {
            await Parallel.ForEachAsync(
                inBlobs,
                new ParallelOptions { MaxDegreeOfParallelism = _storage.Options.MaxParallelReads, CancellationToken = cancellationToken },
                async (i, token) => found[i] = await DecodeAsync(entities[i], token) ?? await ReadDocumentAsync(partition, entities[i].RowKey, token));
        }

        return [.. found.Where(d => d is not null).Select(d => d!)];
    }

    /// <summary>Builds the entity for <paramref name="write"/>, uploading the document to a new blob when it is too large to keep inline.</summary>
    public async Task<EncodedDocument> EncodeAsync(DocumentKey key, DocumentWrite<T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var entity = new TableEntity(key.Partition, key.Row);
        foreach (var column in Definition.Columns)
        {
            if (column.Value(write.Document) is { } value)
            {
                entity[column.Property] = value;
            }
        }

        if (write.Extra is not null)
        {
            foreach (var (name, value) in write.Extra)
            {
                entity[name] = value;
            }
        }

        var json = JsonSerializer.Serialize(write.Document, Definition.TypeInfo);
        if (EntityLimits.EstimateSize(entity) + InlineSize(json) <= EntityLimits.MaxInlineEntityBytes)
        {
            DocumentParts.WriteInline(entity, json);
            return new EncodedDocument(entity, null);
        }

        var blob = $"{key.Partition}/{key.Row.Replace(TableKeys.Separator, '/')}/{Guid.NewGuid():N}";
        await BlobAsync(
            () => Container.GetBlobClient(blob).UploadAsync(
                BinaryData.FromString(json),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken),
            cancellationToken);
        DocumentParts.WriteBlob(entity, blob);
        return new EncodedDocument(entity, blob);
    }

    /// <summary>Removes the blob a failed write uploaded (cleanup runs to the end, whatever the caller's token).</summary>
    public Task DiscardAsync(EncodedDocument encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return DeleteBlobAsync(encoded.UploadedBlob);
    }

    /// <summary>
    /// Removes a blob no entity points at any more; a failure only leaves it behind (logged). Not
    /// cancellable on purpose: the entity already moved on, so the cleanup must not stop halfway.
    /// </summary>
    public async Task DeleteBlobAsync(string? blob)
    {
        if (blob is null)
        {
            return;
        }

        try
        {
            await Container.GetBlobClient(blob).DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException)
        {
            TableStorageLog.BlobLeftBehind(_storage.Logger, Container.Name, blob, ex);
        }
    }

    private async Task<T?> ReadDocumentAsync(string partition, string row, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var entity = await Table.GetAsync(partition, row, DocumentSelect, cancellationToken);
            if (entity is null)
            {
                return null;
            }

            entity.RowKey = row;
            if (await DecodeAsync(entity, cancellationToken) is { } value)
            {
                return value;
            }

            if (attempt == BlobReadAttempts)
            {
                throw BlobMissing(row);
            }
        }
    }

    /// <summary>The entity's document; null when its blob is gone (replaced meanwhile: read the entity again).</summary>
    private async Task<T?> DecodeAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        if (DocumentParts.BlobOf(entity) is not { } blob)
        {
            return DecodeInline(entity);
        }

        try
        {
            var content = await BlobAsync(() => Container.GetBlobClient(blob).DownloadContentAsync(cancellationToken), cancellationToken);
            return Parse(content.Value.Content.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private T DecodeInline(TableEntity entity) =>
        Parse(DocumentParts.ReadInline(entity)
            ?? throw new ProviderException(ProviderErrorKind.Unavailable, $"An entity of table '{Definition.Table}' holds no document."));

    private T Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, Definition.TypeInfo)
                ?? throw new ProviderException(ProviderErrorKind.Unavailable, $"An entity of table '{Definition.Table}' holds an empty document.");
        }
        catch (JsonException ex)
        {
            throw new ProviderException(ProviderErrorKind.Unavailable, $"An entity of table '{Definition.Table}' holds a document that is not valid JSON.", ex);
        }
    }

    private static long InlineSize(string json)
    {
        var parts = (json.Length / EntityLimits.DocumentPartChars) + 1;
        return (parts * (8 + (2 * 6) + 4)) + (2L * json.Length) + 8 + (2 * DocumentParts.PartsProperty.Length) + 4;
    }

    private async Task<TResult> BlobAsync<TResult>(Func<Task<TResult>> action, CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken);
        try
        {
            return await action();
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode != "ContainerNotFound")
        {
            throw;
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException)
        {
            throw new ProviderException(ProviderErrorKind.Unavailable, $"Blob storage failed on container '{Container.Name}'.", ex);
        }
    }

    private ProviderException BlobMissing(object id) =>
        new(ProviderErrorKind.Unavailable, $"The document of {Definition.EntityName} '{id}' points at a blob that does not exist.");
}

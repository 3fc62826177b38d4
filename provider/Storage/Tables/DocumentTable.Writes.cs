using Azure;
using Azure.Data.Tables;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;

namespace Meshery.Provider.Storage.Tables;

public sealed partial class DocumentTable<T>
{
    /// <summary>Adds the document; an entity already at <paramref name="key"/> fails with <c>Conflict</c>.</summary>
    public async Task<Stored<T>> InsertAsync(DocumentKey key, DocumentWrite<T> write, CancellationToken cancellationToken)
    {
        var encoded = await EncodeAsync(key, write, cancellationToken);
        try
        {
            var etag = Definition.KeepsCount
                ? await AddCountedAsync(key, encoded.Entity, cancellationToken)
                : await Table.AddAsync(encoded.Entity, cancellationToken);
            return new Stored<T>(write.Document, etag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            await DiscardAsync(encoded);
            throw new ProviderException(ProviderErrorKind.Conflict, $"{Definition.EntityName} '{key.Id}' already exists.", ex);
        }
        catch
        {
            await DiscardAsync(encoded);
            throw;
        }
    }

    /// <summary>
    /// Reads the document, applies <paramref name="change"/> and writes it back under the ETag it was
    /// read with. With an <paramref name="ifMatch"/> a stale tag (now, or a write that slips in
    /// between) fails with <c>PreconditionFailed</c>; without one the read-modify-write is retried,
    /// so no concurrent update is lost. A missing document fails with <c>NotFound</c>.
    /// </summary>
    public async Task<Stored<T>> UpdateAsync(
        DocumentKey key, Func<DocumentEntity<T>, DocumentWrite<T>> change, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var conditional = !TableETags.IsUnconditional(ifMatch);
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync(key, cancellationToken) ?? throw ProviderException.NotFound(Definition.EntityName, key.Id);
            if (conditional && !TableETags.Matches(ifMatch, current.ETag.ToString()))
            {
                throw ProviderException.PreconditionFailed(Definition.EntityName, key.Id);
            }

            var write = change(current);
            var encoded = await EncodeAsync(key, write, cancellationToken);
            var (from, to) = (CountedValue(current.Entity), CountedValue(encoded.Entity));
            var moves = Definition.KeepsCount && !string.Equals(from, to, StringComparison.Ordinal);
            try
            {
                var etag = moves
                    ? await ReplaceCountedAsync(key, encoded.Entity, current.ETag, from, to, cancellationToken)
                    : await Table.ReplaceAsync(encoded.Entity, current.ETag, cancellationToken);
                if (current.Blob is { } replaced && replaced != encoded.UploadedBlob)
                {
                    await DeleteBlobAsync(replaced);
                }

                return new Stored<T>(write.Document, etag.ToString());
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404 || (moves && ex.Status == 409))
            {
                // With the count row in the batch a 412 may be the row's: the next read tells whether the document moved on.
                await DiscardAsync(encoded);
                if (conditional && ex.Status == 412 && !moves)
                {
                    throw ProviderException.PreconditionFailed(Definition.EntityName, key.Id);
                }

                CheckAttempts(attempt, key);
                TableStorageLog.Retrying(_storage.Logger, Definition.Table, attempt);
            }
            catch
            {
                await DiscardAsync(encoded);
                throw;
            }
        }
    }

    /// <summary>
    /// Runs a batch that writes <paramref name="encoded"/> with companion rows of the same partition
    /// (an index row, a lookup row); returns the document's new ETag. On failure the uploaded blob is
    /// removed; on success the <paramref name="replacedBlob"/>, if any.
    /// </summary>
    public async Task<ETag> SubmitAsync(
        EncodedDocument encoded, IReadOnlyList<TableTransactionAction> actions, string? replacedBlob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        ArgumentNullException.ThrowIfNull(actions);
        if (Definition.KeepsCount)
        {
            throw new InvalidOperationException($"Table '{Definition.Table}' keeps a count row; write it through InsertAsync, UpdateAsync and DeleteAsync.");
        }

        try
        {
            var responses = await Table.SubmitAsync(actions, cancellationToken);
            var index = actions.ToList().FindIndex(a => ReferenceEquals(a.Entity, encoded.Entity));
            if (replacedBlob is not null && replacedBlob != encoded.UploadedBlob)
            {
                await DeleteBlobAsync(replacedBlob);
            }

            return index >= 0 && index < responses.Count ? responses[index].Headers.ETag ?? default : default;
        }
        catch
        {
            await DiscardAsync(encoded);
            throw;
        }
    }

    /// <summary>Deletes the document (and its blob) and returns it as it was, or null when there was none.</summary>
    public async Task<DocumentEntity<T>?> DeleteAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync(key, cancellationToken);
            if (current is null)
            {
                return null;
            }

            try
            {
                if (Definition.KeepsCount)
                {
                    await DeleteCountedAsync(key, current, cancellationToken);
                }
                else if (!await Table.DeleteAsync(key.Partition, key.Row, current.ETag, cancellationToken))
                {
                    return null;
                }

                await DeleteBlobAsync(current.Blob);
                return current;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 || (Definition.KeepsCount && ex.Status is 404 or 409))
            {
                // Counted: a 404 or 409 may be the count row's too; the next read tells whether the document is gone.
                CheckAttempts(attempt, key);
                TableStorageLog.Retrying(_storage.Logger, Definition.Table, attempt);
            }
        }
    }

    private void CheckAttempts(int attempt, DocumentKey key)
    {
        if (attempt >= _storage.Options.MaxConcurrencyRetries)
        {
            throw new ProviderException(
                ProviderErrorKind.Unavailable,
                $"{Definition.EntityName} '{key.Id}' is being changed by too many writers at once; try again.");
        }
    }
}

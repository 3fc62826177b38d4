using Azure;
using Azure.Data.Tables;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// The count row of tables that <see cref="DocumentTableDefinition{T}.KeepsCount"/>: every insert,
/// delete, or update that moves a document to another <see cref="DocumentTableDefinition{T}.CountsBy"/>
/// value is one batch of the document and the count row, the row guarded by its ETag (a stale row
/// fails the batch with 412 and the writer reads it again), so the count never drifts from the rows.
/// Lists read the row in the query of their first page: it sorts before every document.
/// </summary>
public sealed partial class DocumentTable<T>
{
    private static readonly string[] DocumentOrCountSelect = ["RowKey", .. DocumentParts.Columns, .. DocumentCount.Columns];

    /// <summary>Whether the partition's count row answers this list's total: key order, the whole key range, no filter or one value of the counted column.</summary>
    private bool CountRowKnowsTotal(TableListRequest request) =>
        Definition.KeepsCount
        && request.Range == KeyRange.All
        && request.Conditions.Items switch
        {
            [] => true,
            [{ EqualTo: not null } only] => only.Property == Definition.CountsBy,
            _ => false,
        };

    /// <summary>
    /// A page and its total. The query also matches the count row, which sorts first: page 0 is one
    /// query of <c>pagesize + 1</c> rows; a later page reads from <c>offset + 1</c> of the same query
    /// (so it resumes from the tokens earlier pages left) beside a point read of the count row. A
    /// partition without a count row (nothing written since counting began) is counted by query.
    /// </summary>
    private async Task<TablePage<T>> ListWithCountRowAsync(TableListRequest request, string filter, CancellationToken cancellationToken)
    {
        var partition = request.Partition;
        var page = request.Page;
        var value = request.Conditions.Items is [var only] ? only.EqualTo : null;
        var withCount = StorageTable.RangeFilter(partition, new KeyRange(DocumentCount.Row, request.Range.To));
        if (request.Conditions.Items.Count > 0)
        {
            var conditions = string.Join(" and ", request.Conditions.Items.Select(c => $"({c.Filter})"));
            withCount += $" and (RowKey eq {StorageTable.Literal(DocumentCount.Row)} or ({conditions}))";
        }

        List<TableEntity> rows;
        DocumentCount? count;
        if (page.Offset == 0)
        {
            rows = await Table.ReadRangeAsync(partition, withCount, 0, page.PageSize + 1, DocumentOrCountSelect, cancellationToken);
            count = rows is [{ RowKey: DocumentCount.Row } first, ..] ? DocumentCount.FromEntity(first, Definition.CountsBy is not null) : null;
            if (count is not null)
            {
                rows.RemoveAt(0);
            }
            else if (rows.Count <= page.PageSize)
            {
                // No count row, and the whole list fit in the page: its length is the total.
                return new TablePage<T>(await DecodeManyAsync(partition, rows, cancellationToken), rows.Count);
            }
            else
            {
                rows.RemoveAt(rows.Count - 1);
            }
        }
        else
        {
            var stored = ReadCountAsync(partition, cancellationToken);
            var read = Table.ReadRangeAsync(partition, withCount, page.Offset + 1, page.PageSize, DocumentSelect, cancellationToken);
            await Task.WhenAll(stored, read);
            count = (await stored)?.Count;
            rows = count is null
                ? await Table.ReadRangeAsync(partition, filter, page.Offset, page.PageSize, DocumentSelect, cancellationToken)
                : await read;
        }

        var total = (value is null ? count?.Total : count?.CountOf(value)) ?? await Table.CountAsync(partition, filter, cancellationToken);
        return new TablePage<T>(await DecodeManyAsync(partition, rows, cancellationToken), total);
    }

    /// <summary>Adds the document and counts it in one batch; a 409 that is the document's own is rethrown.</summary>
    private async Task<ETag> AddCountedAsync(DocumentKey key, TableEntity entity, CancellationToken cancellationToken)
    {
        var value = CountedValue(entity);
        for (var attempt = 1; ; attempt++)
        {
            using var pass = await _storage.CountRows.EnterAsync(Definition.Table, key.Partition, cancellationToken);
            var (count, etag) = await CountForWriteAsync(pass, key.Partition, cancellationToken);
            try
            {
                var responses = await SubmitCountedAsync(
                    pass, new TableTransactionAction(TableTransactionActionType.Add, entity), count.Added(value), etag, cancellationToken);
                return responses[0].Headers.ETag ?? default;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
            {
                // A 409 with a count row that existed is the document's; when this batch was adding the
                // count row, it is the document's only if the row still does not exist.
                if (ex.Status == 409 && (etag is not null || await ReadCountAsync(key.Partition, cancellationToken) is null))
                {
                    throw;
                }

                CheckAttempts(attempt, key);
                TableStorageLog.Retrying(_storage.Logger, Definition.Table, attempt);
            }
        }
    }

    /// <summary>Replaces the document under <paramref name="ifMatch"/> and moves its count from one value to another, in one batch.</summary>
    private async Task<ETag> ReplaceCountedAsync(
        DocumentKey key, TableEntity entity, ETag ifMatch, string? from, string? to, CancellationToken cancellationToken)
    {
        using var pass = await _storage.CountRows.EnterAsync(Definition.Table, key.Partition, cancellationToken);
        var (count, etag) = await CountForWriteAsync(pass, key.Partition, cancellationToken);
        var responses = await SubmitCountedAsync(
            pass, new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, ifMatch), count.Moved(from, to), etag, cancellationToken);
        return responses[0].Headers.ETag ?? default;
    }

    /// <summary>Deletes the document as read (its ETag) and uncounts it, in one batch.</summary>
    private async Task DeleteCountedAsync(DocumentKey key, DocumentEntity<T> current, CancellationToken cancellationToken)
    {
        using var pass = await _storage.CountRows.EnterAsync(Definition.Table, key.Partition, cancellationToken);
        var (count, etag) = await CountForWriteAsync(pass, key.Partition, cancellationToken);
        await SubmitCountedAsync(
            pass,
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(key.Partition, key.Row) { ETag = current.ETag }, current.ETag),
            count.Removed(CountedValue(current.Entity)),
            etag,
            cancellationToken);
    }

    /// <summary>Runs the document's action with the count row's change; remembers the row it wrote, forgets it on any failure.</summary>
    private async Task<IReadOnlyList<Response>> SubmitCountedAsync(
        CountRowPass pass, TableTransactionAction document, DocumentCount after, ETag? countETag, CancellationToken cancellationToken)
    {
        var row = after.ToEntity(document.Entity.PartitionKey);
        var countAction = countETag is { } ifMatch
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, ifMatch)
            : new TableTransactionAction(TableTransactionActionType.Add, row);
        try
        {
            var responses = await Table.SubmitAsync([document, countAction], cancellationToken);
            pass.Remember(DocumentCount.FromEntity(row, Definition.CountsBy is not null), responses.Count > 1 ? responses[1].Headers.ETag ?? default : default);
            return responses;
        }
        catch
        {
            pass.Forget();
            throw;
        }
    }

    /// <summary>
    /// The count row to change and its ETag: as this process last left it, else as stored, else (no row
    /// yet) counted from the documents, with no ETag: the batch then adds the row, and fails with 409
    /// if another writer added it meanwhile, so a count taken here can never miss a concurrent write.
    /// </summary>
    private async Task<(DocumentCount Count, ETag? ETag)> CountForWriteAsync(CountRowPass pass, string partition, CancellationToken cancellationToken)
    {
        if (pass.Remembered is { } remembered)
        {
            return (remembered.Count, remembered.ETag);
        }

        if (await ReadCountAsync(partition, cancellationToken) is { } stored)
        {
            pass.Remember(stored.Count, stored.ETag);
            return (stored.Count, stored.ETag);
        }

        string[] select = Definition.CountsBy is { } column ? ["RowKey", column] : ["RowKey"];
        var rows = await Table.ScanAsync(StorageTable.RangeFilter(partition, KeyRange.All), select, int.MaxValue, cancellationToken);
        return (DocumentCount.Of(rows, Definition.CountsBy), null);
    }

    private async Task<(DocumentCount Count, ETag ETag)?> ReadCountAsync(string partition, CancellationToken cancellationToken) =>
        await Table.GetAsync(partition, DocumentCount.Row, DocumentCount.Columns, cancellationToken) is { } row
            ? (DocumentCount.FromEntity(row, Definition.CountsBy is not null), row.ETag)
            : null;

    private string? CountedValue(TableEntity entity) => Definition.CountsBy is { } column ? entity.GetString(column) : null;
}

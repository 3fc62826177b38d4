using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Meshery.ExtensionPoints.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// The storage account behind the hosted stores: one table client per table and one blob container
/// per document table, created when first needed (and at start by <see cref="TableStorageInitializer"/>).
/// </summary>
public sealed class TableStorage
{
    private readonly TableServiceClient _tables;
    private readonly BlobServiceClient _blobs;
    private readonly ConcurrentDictionary<string, StorageTable> _byName = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly ILogger<TableStorage> _logger;
    private Task? _created;

    public TableStorage(IOptions<TableStorageOptions> options, ContinuationCache cache, ILogger<TableStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        Cache = cache;
        _logger = logger;
        _tables = new TableServiceClient(Options.ConnectionString);
        _blobs = new BlobServiceClient(Options.ConnectionString);
    }

    public TableStorageOptions Options { get; }

    public ContinuationCache Cache { get; }

    /// <summary>Queues this process's writers of one partition's count row (<see cref="DocumentCount"/>).</summary>
    public CountRowGate CountRows { get; } = new();

    internal ILogger Logger => _logger;

    /// <summary>The gateway to table <paramref name="name"/> (one of <see cref="TableNames"/>).</summary>
    public StorageTable Table(string name) =>
        _byName.GetOrAdd(name, n => new StorageTable(this, n, _tables.GetTableClient(Options.TablePrefix + n)));

    /// <summary>The container holding the large documents of table <paramref name="name"/>.</summary>
    public BlobContainerClient Container(string name) =>
        _blobs.GetBlobContainerClient(Options.EffectiveBlobContainerPrefix + name);

    /// <summary>Creates every table and container once per process; a failed attempt is retried by the next caller.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        Task created;
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = CreateAllAsync();
            }

            created = _created;
        }

        return created.IsCompletedSuccessfully ? Task.CompletedTask : created.WaitAsync(cancellationToken);
    }

    private async Task CreateAllAsync()
    {
        try
        {
            var tables = TableNames.All.Select(n => _tables.GetTableClient(Options.TablePrefix + n).CreateIfNotExistsAsync(CancellationToken.None));
            var containers = TableNames.WithDocuments.Select(n => Container(n).CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
            await Task.WhenAll(tables.Cast<Task>().Concat(containers));
            TableStorageLog.Ready(_logger, TableNames.All.Count, TableNames.WithDocuments.Count, Options.TablePrefix);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException)
        {
            throw new ProviderException(ProviderErrorKind.Unavailable, "Table storage cannot be reached or refused to create the tables.", ex);
        }
    }
}

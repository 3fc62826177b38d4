using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.ClusterCache;

/// <summary>
/// The cache's single writer: drains a bounded queue of changes and writes them in batches, one
/// transaction each, of at most <see cref="ClusterCacheOptions.MaxBatchSize"/> changes. It writes as soon
/// as it is idle, so a change waits at most one batch (well under <see cref="ClusterCacheOptions.MaxFlushDelay"/>
/// at full rate); committed changes then go to the change stream.
/// </summary>
public sealed partial class ClusterCacheWriter : BackgroundService
{
    private readonly Channel<CacheChange> _queue;
    private readonly ClusterCacheDatabase _database;
    private readonly ResourceChangeFeed _feed;
    private readonly ResourceCounts _counts;
    private readonly Dictionary<ResourceCounts.GroupKey, int> _deltas = [];
    private readonly ClusterCacheOptions _options;
    private readonly ILogger<ClusterCacheWriter> _logger;
    private readonly Dictionary<string, (string ClusterId, long ResourceVersion)> _tombstones = new(StringComparer.Ordinal);
    private long _applied;
    private long _batches;

    public ClusterCacheWriter(
        ClusterCacheDatabase database, ResourceChangeFeed feed, ResourceCounts counts, IOptions<ClusterCacheOptions> options, ILogger<ClusterCacheWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _feed = feed;
        _counts = counts;
        _options = options.Value;
        _logger = logger;
        _queue = Channel.CreateBounded<CacheChange>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Changes written so far.</summary>
    public long AppliedCount => Interlocked.Read(ref _applied);

    /// <summary>Transactions committed so far.</summary>
    public long BatchCount => Interlocked.Read(ref _batches);

    /// <summary>Changes waiting to be written.</summary>
    public int QueueLength => _queue.Reader.Count;

    /// <summary>Queues a change, waiting while the queue is full.</summary>
    public ValueTask EnqueueAsync(CacheChange change, CancellationToken cancellationToken) =>
        _queue.Writer.WriteAsync(change, cancellationToken);

    /// <summary>Completes once everything queued before the call is written.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var barrier = CacheChange.Barrier();
        await _queue.Writer.WriteAsync(barrier, cancellationToken);
        await barrier.Applied!.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CacheChange>(_options.MaxBatchSize);
        var delay = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _database.OpenWriterAsync(stoppingToken);
                using var commands = new WriterCommands(connection);
                _counts.Load(await _database.Guard(() => WriterCommands.CountsAsync(connection, stoppingToken)));
                while (true)
                {
                    // A batch left over from a failure is written again before anything newer.
                    if (batch.Count == 0)
                    {
                        if (!await _queue.Reader.WaitToReadAsync(stoppingToken))
                        {
                            return;
                        }

                        while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var change))
                        {
                            batch.Add(change);
                        }
                    }

                    await _database.Guard(() => ApplyAsync(connection, commands, batch, stoppingToken));
                    batch.Clear();
                    delay = TimeSpan.FromMilliseconds(100);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Meshery.ExtensionPoints.Errors.ProviderException or SqliteException or IOException)
            {
                _counts.Reset();
                ClusterCacheLog.WriterFailed(_logger, ex);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }
}

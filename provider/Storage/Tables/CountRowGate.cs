using Azure;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// Lets one writer at a time in this process change a partition's <see cref="DocumentCount"/> row,
/// and remembers the row as that writer left it (with its ETag), so the next write of the partition
/// needs no read first. Writers of other instances are caught by the ETag: their change makes the
/// remembered row stale, the batch fails with 412 and the writer reads the row again. Without the
/// gate, concurrent creators of one tenant would spin on 412s; with it they queue. Locks are striped
/// (a fixed number, whatever the number of tenants), each stripe remembering the last row it saw.
/// </summary>
public sealed class CountRowGate
{
    /// <summary>How many locks (and remembered rows) the process holds.</summary>
    public const int Stripes = 256;

    private readonly Stripe[] _stripes = [.. Enumerable.Range(0, Stripes).Select(_ => new Stripe())];

    /// <summary>Waits until no other writer of this process holds the partition's count row; dispose the pass to let the next one in.</summary>
    public async Task<CountRowPass> EnterAsync(string table, string partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(partition);
        var index = (int)((uint)HashCode.Combine(StringComparer.Ordinal.GetHashCode(table), StringComparer.Ordinal.GetHashCode(partition)) % Stripes);
        var stripe = _stripes[index];
        await stripe.Lock.WaitAsync(cancellationToken);
        return new CountRowPass(stripe, table, partition);
    }

    internal sealed class Stripe
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public string? Table { get; set; }

        public string? Partition { get; set; }

        public DocumentCount? Count { get; set; }

        public ETag ETag { get; set; }
    }
}

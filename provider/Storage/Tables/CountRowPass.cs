using Azure;

namespace Meshery.Provider.Storage.Tables;

/// <summary>The right to write one partition's count row; what it remembers is valid only while it is held.</summary>
public sealed class CountRowPass : IDisposable
{
    private readonly CountRowGate.Stripe _stripe;
    private readonly string _table;
    private readonly string _partition;
    private bool _disposed;

    internal CountRowPass(CountRowGate.Stripe stripe, string table, string partition)
    {
        _stripe = stripe;
        _table = table;
        _partition = partition;
    }

    /// <summary>The row as this process last wrote or read it, or null when it does not remember one.</summary>
    public (DocumentCount Count, ETag ETag)? Remembered =>
        _stripe.Table == _table && _stripe.Partition == _partition && _stripe.Count is { } count ? (count, _stripe.ETag) : null;

    public void Remember(DocumentCount count, ETag etag)
    {
        ArgumentNullException.ThrowIfNull(count);
        if (etag == default)
        {
            Forget();
            return;
        }

        (_stripe.Table, _stripe.Partition, _stripe.Count, _stripe.ETag) = (_table, _partition, count, etag);
    }

    public void Forget() => (_stripe.Table, _stripe.Partition, _stripe.Count, _stripe.ETag) = (null, null, null, default);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _stripe.Lock.Release();
        }
    }
}

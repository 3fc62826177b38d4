using Meshery.Provider.Storage.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Meshery.Provider.Tests.Storage.Tables;

public sealed class ContinuationCacheTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void FloorFindsTheNearestOffsetAtOrBefore()
    {
        var cache = Create();
        cache.Put("t", "p", "f", 100, "a");
        cache.Put("t", "p", "f", 300, "c");
        cache.Put("t", "p", "f", 200, "b");

        Assert.Equal((200, "b"), cache.Floor("t", "p", "f", 250));
        Assert.Equal((300, "c"), cache.Floor("t", "p", "f", 300));
        Assert.Equal((0, null), cache.Floor("t", "p", "f", 99));
        Assert.Equal((0, null), cache.Floor("t", "p", "other filter", 250));
    }

    [Fact]
    public void WritesToThePartitionForgetItsTokens()
    {
        var cache = Create();
        cache.Put("t", "p", "f", 100, "a");
        cache.Put("t", "q", "f", 100, "a");

        cache.Invalidate("t", "p");

        Assert.Equal((0, null), cache.Floor("t", "p", "f", 100));
        Assert.Equal((100, "a"), cache.Floor("t", "q", "f", 100));
    }

    [Fact]
    public void TokensExpire()
    {
        var cache = Create();
        cache.Put("t", "p", "f", 100, "a");

        _time.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal((0, null), cache.Floor("t", "p", "f", 100));
    }

    [Fact]
    public void LeastRecentlyUsedPartitionsGoFirst()
    {
        var cache = Create(capacity: 2);
        cache.Put("t", "p1", "f", 1, "a");
        cache.Put("t", "p2", "f", 1, "b");
        _ = cache.Floor("t", "p1", "f", 1);

        cache.Put("t", "p3", "f", 1, "c");

        Assert.Equal(2, cache.Count);
        Assert.Equal((1, "a"), cache.Floor("t", "p1", "f", 1));
        Assert.Equal((0, null), cache.Floor("t", "p2", "f", 1));
    }

    private ContinuationCache Create(int capacity = 16) =>
        new(Options.Create(new TableStorageOptions { ContinuationCacheSize = capacity, ContinuationCacheLifetime = TimeSpan.FromSeconds(60) }), _time);
}

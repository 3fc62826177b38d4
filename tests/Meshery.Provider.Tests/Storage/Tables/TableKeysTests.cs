using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Tests.Storage.Tables;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a/b\\c#d?e", "a%2Fb%5Cc%23d%3Fe")]
    [InlineData("100%|x", "100%25%7Cx")]
    [InlineData("tab\there", "tab%09here")]
    public void EncodeEscapesWhatKeysMayNotHold(string value, string encoded)
    {
        Assert.Equal(encoded, TableKeys.Encode(value));
        Assert.True(TableKeys.IsValid(TableKeys.Encode(value)));
        Assert.Equal(value, TableKeys.Decode(encoded));
    }

    [Fact]
    public void ComposedKeysStayUnambiguous()
    {
        Assert.Equal("e|a%7Cb|c", TableKeys.Compose("e", "a|b", "c"));
        Assert.NotEqual(TableKeys.Compose("a|b", "c"), TableKeys.Compose("a", "b|c"));
    }

    [Fact]
    public void PrefixRangeHoldsExactlyTheKeysUnderThePrefix()
    {
        var id = Guid.NewGuid().ToString("D");
        var range = TableKeys.Prefix("e", id);

        Assert.True(range.Contains(TableKeys.Compose("e", id, Guid.NewGuid().ToString("D"))));
        Assert.False(range.Contains(TableKeys.Compose("e", id)));
        Assert.False(range.Contains(TableKeys.Compose("e", id + "0", "x")));
        Assert.False(range.Contains(TableKeys.Compose("c", id, "x")));
    }

    [Fact]
    public void NewestFirstSortsNewerInstantsFirstAndRoundTrips()
    {
        var older = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var newer = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.True(string.CompareOrdinal(TableKeys.NewestFirst(newer), TableKeys.NewestFirst(older)) < 0);
        Assert.Equal(newer, TableKeys.FromNewestFirst(TableKeys.NewestFirst(newer)));
        Assert.Equal(19, TableKeys.NewestFirst(older).Length);
    }
}

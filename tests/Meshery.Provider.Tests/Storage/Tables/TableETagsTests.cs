using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Tests.Storage.Tables;

public sealed class TableETagsTests
{
    private const string Stored = "W/\"datetime'2026-01-01T00%3A00%3A00.0000001Z'\"";

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("*", true)]
    [InlineData(Stored, true)]
    [InlineData("\"datetime'2026-01-01T00%3A00%3A00.0000001Z'\"", true)]
    [InlineData("\"other\", " + Stored, true)]
    [InlineData("W/\"datetime'2026-01-01T00%3A00%3A00.0000002Z'\"", false)]
    [InlineData(TableETags.Missing, false)]
    public void IfMatchIsComparedIgnoringTheWeakPrefix(string? ifMatch, bool matches) =>
        Assert.Equal(matches, TableETags.Matches(ifMatch, Stored));
}

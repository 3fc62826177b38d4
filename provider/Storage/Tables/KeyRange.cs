namespace Meshery.Provider.Storage.Tables;

/// <summary>RowKeys from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive).</summary>
public readonly record struct KeyRange(string From, string To)
{
    /// <summary>
    /// Every document key the stores write: ids and tags start with a digit or a letter, never <c>~</c>.
    /// Keys below <c>0</c> are rows a table keeps about itself (<see cref="DocumentCount.Row"/>), so no list sees them.
    /// </summary>
    public static KeyRange All { get; } = new("0", "~");

    public bool Contains(string key) =>
        string.CompareOrdinal(key, From) >= 0 && string.CompareOrdinal(key, To) < 0;
}

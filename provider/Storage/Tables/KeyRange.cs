namespace Meshery.Provider.Storage.Tables;

/// <summary>RowKeys from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive).</summary>
public readonly record struct KeyRange(string From, string To)
{
    /// <summary>Every key the stores write (they start with a letter, a digit or a tag, never <c>~</c>).</summary>
    public static KeyRange All { get; } = new("", "~");

    public bool Contains(string key) =>
        string.CompareOrdinal(key, From) >= 0 && string.CompareOrdinal(key, To) < 0;
}

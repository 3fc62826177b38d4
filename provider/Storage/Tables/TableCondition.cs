namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// One AND-ed condition on a string column, both as OData (sent when the filter's comparison
/// budget allows) and as a test run on projected entities (when it does not).
/// </summary>
public sealed record TableCondition(string Property, string Filter, int Comparisons, Func<string?, bool> Test)
{
    /// <summary>The one value the column must equal, when that is the whole condition (a count row may know how many match).</summary>
    public string? EqualTo { get; init; }
}

namespace Meshery.ExtensionPoints.Paging;

/// <summary>The bounds every implementation enforces on list requests.</summary>
public static class PagingLimits
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Longest free-text search accepted.</summary>
    public const int MaxSearchLength = 200;

    /// <summary>Highest zero-based page index accepted (keeps offsets inside 32 bits).</summary>
    public const int MaxPage = 1_000_000;
}

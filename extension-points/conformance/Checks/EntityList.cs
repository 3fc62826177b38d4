namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary>What the generic checks need to know about one page of a list.</summary>
internal sealed record EntityList(IReadOnlyList<Guid> Ids, int TotalCount);

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary>What the generic checks need to know about a stored entity.</summary>
internal sealed record EntityView(Guid Id, string Name, string ETag);

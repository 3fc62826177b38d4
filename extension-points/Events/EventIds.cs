namespace Meshery.ExtensionPoints.Events;

/// <summary>Body of a bulk delete: <c>{ids}</c>.</summary>
public sealed record EventIds
{
    public IReadOnlyList<Guid> Ids { get; set; } = [];
}

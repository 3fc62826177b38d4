namespace Meshery.ExtensionPoints.Designs;

/// <summary>Meshery's bulk delete body: <c>{patterns:[{id, name}]}</c>.</summary>
public sealed record DesignDeleteRequest
{
    public const int MaxPatterns = 1000;

    public IReadOnlyList<DesignReference> Patterns { get; set; } = [];
}

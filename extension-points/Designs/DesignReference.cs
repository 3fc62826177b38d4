namespace Meshery.ExtensionPoints.Designs;

/// <summary>A design named by id (and name, for messages).</summary>
public sealed record DesignReference
{
    public Guid Id { get; set; }

    public string? Name { get; set; }
}

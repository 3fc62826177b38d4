namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>Which parts of Meshery's UI stay usable when the provider restricts it.</summary>
public sealed record RestrictedAccess
{
    public bool IsMesheryUiRestricted { get; set; }

    public AllowedComponents? AllowedComponents { get; set; }
}

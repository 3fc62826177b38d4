namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>What a navigator extension may do in the designer and visualizer.</summary>
public sealed record ExtensionPermissions
{
    public DesignerPermissions? Designer { get; set; }

    public bool Visualizer { get; set; }
}

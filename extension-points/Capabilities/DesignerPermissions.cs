namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>Designer actions a navigator extension is allowed.</summary>
public sealed record DesignerPermissions
{
    public bool Design { get; set; }

    public bool Application { get; set; }

    public bool Filter { get; set; }

    public bool Save { get; set; }

    public bool New { get; set; }

    public bool SaveAs { get; set; }

    public bool Validate { get; set; }

    public bool Deploy { get; set; }

    public bool UnDeploy { get; set; }
}

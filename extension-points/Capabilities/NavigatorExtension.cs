namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>An entry in Meshery's left navigator, served from the provider's UI bundle.</summary>
public sealed record NavigatorExtension
{
    public string Title { get; set; } = "";

    public int OnClickCallback { get; set; }

    public ExtensionHref? Href { get; set; }

    public string? Component { get; set; }

    public string? Icon { get; set; }

    public bool Link { get; set; }

    public bool Show { get; set; }

    public IReadOnlyList<NavigatorExtension> Children { get; set; } = [];

    public string? Type { get; set; }

    public bool IsBeta { get; set; }

    public ExtensionPermissions? AllowedTo { get; set; }
}

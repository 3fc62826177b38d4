namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>An entry in Meshery's account menu.</summary>
public sealed record AccountExtension
{
    public string Title { get; set; } = "";

    public int OnClickCallback { get; set; }

    public ExtensionHref? Href { get; set; }

    public string? Component { get; set; }

    public bool Link { get; set; }

    public bool Show { get; set; }

    public IReadOnlyList<AccountExtension> Children { get; set; } = [];

    public string? Type { get; set; }
}

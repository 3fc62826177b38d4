namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>Navigator and header components left enabled under restricted access, by name.</summary>
public sealed record AllowedComponents
{
    public IReadOnlyDictionary<string, bool> Navigator { get; set; } = new Dictionary<string, bool>();

    public IReadOnlyDictionary<string, bool> Header { get; set; } = new Dictionary<string, bool>();
}

namespace Meshery.ExtensionPoints.Preferences;

/// <summary>An adapter the user has configured, by location (<c>host:port</c>).</summary>
public sealed record MeshAdapter
{
    public string AdapterLocation { get; set; } = "";

    public string? Name { get; set; }

    public string? Version { get; set; }

    public string? GitCommitSha { get; set; }
}

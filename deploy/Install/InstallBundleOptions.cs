namespace Meshery.Deploy.Install;

/// <summary>Choices applied on top of the embedded bundle when it is loaded.</summary>
public sealed record InstallBundleOptions
{
    /// <summary>The agent image (<c>meshery/meshery-agent:latest</c> when null).</summary>
    public string? AgentImage { get; init; }

    /// <summary>Whether the default Broker and MeshSync resources are part of the install.</summary>
    public bool IncludeDefaultResources { get; init; } = true;
}

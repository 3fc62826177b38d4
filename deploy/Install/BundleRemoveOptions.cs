namespace Meshery.Deploy.Install;

/// <summary>How <see cref="BundleApplier.RemoveAsync"/> removes an install.</summary>
public sealed record BundleRemoveOptions
{
    /// <summary>Leave the <c>meshery</c> namespace (and anything else in it) in place.</summary>
    public bool KeepNamespace { get; init; }

    /// <summary>How long to let the operator finish its finalizers on Broker and MeshSync before removing them itself.</summary>
    public TimeSpan FinalizerTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

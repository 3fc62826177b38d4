namespace Meshery.Deploy.Install;

/// <summary>Settings of a <see cref="BundleApplier"/>.</summary>
public sealed record BundleApplierOptions
{
    /// <summary>The server-side apply field manager.</summary>
    public string FieldManager { get; init; } = "meshery-install";

    /// <summary>How long to wait for the CRDs to be established before applying Broker and MeshSync.</summary>
    public TimeSpan EstablishTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Interval between readiness polls.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

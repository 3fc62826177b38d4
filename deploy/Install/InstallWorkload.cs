using Meshery.Deploy.Manifests;

namespace Meshery.Deploy.Install;

/// <summary>One workload of an install: the name users know it by, its kind and object name, and other names accepted for it.</summary>
public sealed record InstallWorkload(string Component, ResourceKind Kind, string Name, IReadOnlyList<string> Aliases);

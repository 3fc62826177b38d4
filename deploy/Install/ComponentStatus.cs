namespace Meshery.Deploy.Install;

/// <summary>One object of the install and its state; <paramref name="Detail"/> says why when not ready.</summary>
public sealed record ComponentStatus(string Kind, string Name, string? Namespace, ComponentState State, string? Detail = null);

namespace Meshery.Deploy.Install;

/// <summary>One object after an apply: what happened to it and its resourceVersion now.</summary>
public sealed record AppliedObject(string Kind, string Name, string? Namespace, ApplyOutcome Outcome, string ResourceVersion);

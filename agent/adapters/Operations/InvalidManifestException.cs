namespace Meshery.Agent.Adapters.Operations;

/// <summary>The request's YAML cannot be used; the operation fails before any cluster is touched.</summary>
public sealed class InvalidManifestException(string message, Exception? inner = null) : Exception(message, inner);

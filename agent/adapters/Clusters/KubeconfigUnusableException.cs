namespace Meshery.Agent.Adapters.Clusters;

/// <summary>A kubeconfig of the request cannot be read or has no usable context.</summary>
public sealed class KubeconfigUnusableException(string message, Exception? inner = null) : Exception(message, inner);

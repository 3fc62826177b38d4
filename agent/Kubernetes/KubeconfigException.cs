namespace Meshery.Agent.Kubernetes;

/// <summary>A kubeconfig that cannot be used; the message is one line for the user.</summary>
public sealed class KubeconfigException : Exception
{
    public KubeconfigException()
    {
    }

    public KubeconfigException(string message)
        : base(message)
    {
    }

    public KubeconfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

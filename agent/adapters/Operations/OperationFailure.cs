using System.Net;
using System.Net.Sockets;
using Meshery.Agent.Adapters.Clusters;
using Meshery.Deploy.Kubernetes;

namespace Meshery.Agent.Adapters.Operations;

/// <summary>Why an operation failed, in the words an ERROR event carries.</summary>
public sealed record OperationFailure(string ErrorCode, string Details, string ProbableCause, string SuggestedRemediation)
{
    public const string UnknownOperationCode = "meshery-adapter-4001";
    public const string InvalidManifestCode = "meshery-adapter-4002";
    public const string UnreachableCode = "meshery-adapter-4003";
    public const string RefusedCode = "meshery-adapter-4004";
    public const string NoClusterCode = "meshery-adapter-4005";
    public const string TimeoutCode = "meshery-adapter-4006";
    public const string KubeconfigCode = "meshery-adapter-4007";
    public const string UnexpectedCode = "meshery-adapter-4099";

    /// <summary>The failure <paramref name="exception"/> stands for.</summary>
    public static OperationFailure Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            InvalidManifestException e => new(
                InvalidManifestCode, e.Message, "The YAML sent with the operation cannot be read as Kubernetes objects.",
                "Fix the YAML (every document needs apiVersion, kind and metadata.name) and run the operation again."),
            KubeconfigUnusableException e => new(
                KubeconfigCode, e.Message, "A kubeconfig sent with the operation is malformed or names no usable context.",
                "Upload the cluster's kubeconfig to Meshery again."),
            HttpRequestException or SocketException => new(
                UnreachableCode, exception.Message, "The cluster's API server cannot be reached from the adapter.",
                "Check that the cluster is running and that the kubeconfig's server address is reachable from the adapter."),
            KubeRestException { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized } e => new(
                RefusedCode, e.Message, "The kubeconfig's user is not allowed to make this change.",
                "Grant the user the rights the objects need (RBAC), or use another kubeconfig."),
            KubeRestException e => new(
                RefusedCode, e.Message, $"The API server refused an object: {e.StatusMessage ?? e.Reason ?? e.StatusCode.ToString()}.",
                "Fix the object the API server names and run the operation again."),
            NotSupportedException e => new(
                RefusedCode, e.Message, "The YAML names a kind the cluster does not serve.",
                "Install the kind's CustomResourceDefinition first, or correct apiVersion and kind."),
            TimeoutException or TaskCanceledException or OperationCanceledException => new(
                TimeoutCode, exception.Message, "The operation did not finish in time.",
                "Check the cluster's health and run the operation again."),
            _ => new(
                UnexpectedCode, exception.Message, "The adapter met an unexpected error.",
                "See the adapter's log for the details."),
        };
    }
}

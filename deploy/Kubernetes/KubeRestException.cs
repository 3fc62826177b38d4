using System.Net;

namespace Meshery.Deploy.Kubernetes;

/// <summary>The API server answered with an error status (its <c>Status</c> reason and message kept).</summary>
public sealed class KubeRestException(HttpStatusCode statusCode, string? reason, string message, string? statusMessage = null) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The Status object's reason, e.g. <c>NotFound</c>, <c>Conflict</c>, <c>Expired</c>, <c>Forbidden</c>.</summary>
    public string? Reason { get; } = reason;

    /// <summary>The Status object's own message (what the API server said, without the request), when it sent one.</summary>
    public string? StatusMessage { get; } = statusMessage;
}

namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>The API server answered a list, watch or get with an error status (403, 404, 410, ...).</summary>
public sealed class KubeApiException : Exception
{
    public KubeApiException()
    {
    }

    public KubeApiException(string message)
        : base(message)
    {
    }

    public KubeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KubeApiException(int statusCode, string? reason, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>The HTTP status (or the Status object's code for a watch ERROR event).</summary>
    public int StatusCode { get; }

    /// <summary>The Status object's reason: Forbidden, NotFound, Expired, Gone, ...</summary>
    public string? Reason { get; }

    public bool IsGone => StatusCode == 410;

    public bool IsForbidden => StatusCode is 401 or 403;

    public bool IsNotFound => StatusCode == 404;
}

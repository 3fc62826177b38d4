using System.Net;

namespace Meshery.ExtensionPoints.Client;

/// <summary>One answer of the provider, read whole (within the size limit).</summary>
internal sealed record ProviderResponse(HttpMethod Method, Uri Uri, HttpStatusCode Status, string? ETag, string? MediaType, byte[] Body)
{
    public int StatusCode => (int)Status;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary><c>POST /api/environments</c>: the method and path, for messages.</summary>
    public string Call => $"{Method.Method} {Uri.AbsolutePath}";
}

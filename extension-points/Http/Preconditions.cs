using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Http;

/// <summary>Reads conditional request headers.</summary>
public static class Preconditions
{
    /// <summary>The <c>If-Match</c> header, or null when absent (an unconditional write).</summary>
    public static string? IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers.IfMatch.ToString();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}

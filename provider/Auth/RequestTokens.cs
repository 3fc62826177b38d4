using Microsoft.AspNetCore.Http;

namespace Meshery.Provider.Auth;

/// <summary>Where Meshery servers put the token: the bearer header (any case), else <c>X-API-Key</c>.</summary>
public static class RequestTokens
{
    public const string ApiKeyHeader = "X-API-Key";
    public const string SystemIdHeader = "SystemID";

    public static string? Find(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 7 && authorization.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[7..].Trim();
        }

        var apiKey = request.Headers[ApiKeyHeader].ToString();
        return string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim();
    }

    public static string? SystemId(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers[SystemIdHeader].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}

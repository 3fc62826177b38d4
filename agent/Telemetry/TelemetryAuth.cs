using System.Net.Http.Headers;
using System.Text;

namespace Meshery.Agent.Telemetry;

/// <summary>
/// The Authorization header for a stored secret, as Meshery server builds it: <c>user:password</c> is basic
/// authentication, anything else a bearer token (a Grafana API key or service account token, a Prometheus token).
/// </summary>
public static class TelemetryAuth
{
    public static AuthenticationHeaderValue? HeaderFor(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return null;
        }

        return secret.Contains(':', StringComparison.Ordinal)
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)))
            : new AuthenticationHeaderValue("Bearer", secret);
    }
}

namespace Meshery.Agent.Telemetry;

/// <summary>Reads the server address a user typed (an IP or host name, with or without scheme and port).</summary>
public static class TelemetryUrl
{
    /// <summary>
    /// Accepts <c>http</c> and <c>https</c> URLs and bare <c>host[:port][/path]</c> (taken as http); drops the query and
    /// fragment and a trailing slash. Credentials in the URL are refused: they belong in the key field, where they are
    /// stored as a credential rather than in the connection.
    /// </summary>
    public static bool TryParse(string? text, out Uri url, out string error)
    {
        url = null!;
        error = "";
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "is required";
            return false;
        }

        if (!trimmed.Contains("://", StringComparison.Ordinal))
        {
            trimmed = "http://" + trimmed;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(parsed.Host))
        {
            error = "must be an http(s) URL or a host name";
            return false;
        }

        if (parsed.UserInfo.Length > 0)
        {
            error = "must not carry credentials: put them in the key field";
            return false;
        }

        var path = parsed.AbsolutePath.TrimEnd('/');
        url = new Uri($"{parsed.Scheme}://{parsed.Authority}{path}");
        return true;
    }

    /// <summary>The URL as Meshery server stores it in connection metadata: no trailing slash.</summary>
    public static string Text(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.AbsoluteUri.TrimEnd('/');
    }
}

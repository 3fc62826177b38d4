using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Meshery.Agent.MeshAdapters;

/// <summary>An adapter's address as Meshery writes it: <c>host:port</c> (an <c>http://</c> prefix is tolerated and dropped).</summary>
public static class AdapterLocation
{
    /// <summary>The location in its plain form (host lower-cased), or false with the reason.</summary>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? location, [NotNullWhen(false)] out string? error)
    {
        location = null;
        var value = text?.Trim() ?? "";
        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            value = value["http://".Length..].TrimEnd('/');
        }

        if (value.Length is 0 or > 300)
        {
            error = "An adapter location must be host:port, for example meshery-istio:10000.";
            return false;
        }

        if (!Uri.TryCreate("http://" + value, UriKind.Absolute, out var uri) || uri.PathAndQuery != "/"
            || !value.EndsWith(":" + uri.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            error = $"'{value}' is not an adapter location: write host:port, for example meshery-istio:10000.";
            return false;
        }

        location = $"{uri.Host.ToLowerInvariant()}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        error = null;
        return true;
    }

    /// <summary>The gRPC address of a normalized location (HTTP/2 cleartext).</summary>
    public static Uri Address(string location) => new("http://" + location);
}

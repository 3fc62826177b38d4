namespace Meshery.Agent.ClusterCache;

/// <summary>One Kubernetes resource as the cache stores it: the columns it filters on and the object's JSON as received.</summary>
public sealed record ResourceRow(
    string Id,
    string ClusterId,
    string Kind,
    string ApiVersion,
    string Namespace,
    string Name,
    string ResourceVersion,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    byte[] Object)
{
    /// <summary>The resourceVersion as a number for ordering; -1 when it is not one (then newer always wins).</summary>
    public long ResourceVersionNumber =>
        long.TryParse(ResourceVersion, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
}

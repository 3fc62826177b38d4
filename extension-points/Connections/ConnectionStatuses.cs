namespace Meshery.ExtensionPoints.Connections;

/// <summary>The states a connection moves through.</summary>
public static class ConnectionStatuses
{
    public const string Discovered = "discovered";
    public const string Registered = "registered";
    public const string Connected = "connected";
    public const string Ignored = "ignored";
    public const string Maintenance = "maintenance";
    public const string Disconnected = "disconnected";
    public const string Deleted = "deleted";
    public const string NotFound = "not found";

    public static IReadOnlyList<string> All { get; } =
        [Discovered, Registered, Connected, Ignored, Maintenance, Disconnected, Deleted, NotFound];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);
}

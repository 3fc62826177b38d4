namespace Meshery.ExtensionPoints.Events;

/// <summary>Event severities, most severe first.</summary>
public static class EventSeverities
{
    public const string Emergency = "emergency";
    public const string Alert = "alert";
    public const string Critical = "critical";
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Informational = "informational";
    public const string Success = "success";
    public const string Debug = "debug";

    public static IReadOnlyList<string> All { get; } = [Emergency, Alert, Critical, Error, Warning, Informational, Success, Debug];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

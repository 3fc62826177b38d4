namespace Meshery.ExtensionPoints.Events;

/// <summary>Whether the user has seen an event.</summary>
public static class EventStatuses
{
    public const string Read = "read";
    public const string Unread = "unread";

    public static bool IsKnown(string? value) => value is Read or Unread;
}

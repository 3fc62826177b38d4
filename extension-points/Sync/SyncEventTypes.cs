namespace Meshery.ExtensionPoints.Sync;

/// <summary>
/// The CloudEvents <c>type</c> of each change an agent sends to its provider:
/// <c>io.meshery.{entity}.{created|updated|deleted}</c>, with the entity names below (singular, lower case,
/// no separators). Types outside <see cref="Prefix"/> are other producers' and are accepted but not applied.
/// </summary>
public static class SyncEventTypes
{
    public const string Prefix = "io.meshery.";

    public const string Preferences = "preferences";
    public const string Environment = "environment";
    public const string Connection = "connection";
    public const string Credential = "credential";
    public const string Design = "design";
    public const string Event = "event";
    public const string PerformanceProfile = "performanceprofile";
    public const string PerformanceResult = "performanceresult";

    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";

    /// <summary>Every entity name, in the order their types are documented.</summary>
    public static IReadOnlyList<string> Entities { get; } =
        [Preferences, Environment, Connection, Credential, Design, Event, PerformanceProfile, PerformanceResult];

    public static IReadOnlyList<string> Actions { get; } = [Created, Updated, Deleted];

    /// <summary>The type of <paramref name="action"/> on <paramref name="entity"/>.</summary>
    public static string Of(string entity, string action) => $"{Prefix}{entity}.{action}";

    /// <summary>Whether <paramref name="type"/> claims to be one of Meshery's (whether or not it is known).</summary>
    public static bool IsMeshery(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.StartsWith(Prefix, StringComparison.Ordinal);
    }

    /// <summary>Splits a Meshery type into a known entity and action; false for any other string.</summary>
    public static bool TryParse(string type, out string entity, out string action)
    {
        entity = action = string.Empty;
        if (!IsMeshery(type))
        {
            return false;
        }

        var rest = type[Prefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return false;
        }

        var e = rest[..dot];
        var a = rest[(dot + 1)..];
        if (!Entities.Contains(e, StringComparer.Ordinal) || !Actions.Contains(a, StringComparer.Ordinal))
        {
            return false;
        }

        (entity, action) = (e, a);
        return true;
    }
}

using System.Text.Json;
using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.MeshSync.Configuration;

/// <summary>
/// The effective watch-list of the MeshSync resource: everything (no resource), a blacklist of resource keys, or a
/// whitelist of keys with their events. Parsed from <c>spec["watch-list"].data</c>, whose values are JSON strings.
/// </summary>
public sealed class WatchListConfig
{
    private readonly HashSet<string>? _blacklist;
    private readonly Dictionary<string, HashSet<string>>? _whitelist;

    private WatchListConfig(HashSet<string>? blacklist, Dictionary<string, HashSet<string>>? whitelist)
    {
        _blacklist = blacklist;
        _whitelist = whitelist;
    }

    /// <summary>No configuration: every default kind and every CRD kind, all events.</summary>
    public static WatchListConfig Default { get; } = new(null, null);

    public bool IsWhitelist => _whitelist is not null;

    public bool IsBlacklist => _blacklist is not null;

    public static WatchListConfig Blacklist(IEnumerable<string> keys) => new(new HashSet<string>(keys, StringComparer.Ordinal), null);

    public static WatchListConfig Whitelist(IEnumerable<WhitelistEntry> entries)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var events = entry.Events is { Count: > 0 } e ? e : MeshSyncEventTypes.Defaults;
            map[entry.Resource] = new HashSet<string>(events, StringComparer.OrdinalIgnoreCase);
        }

        return new(null, map);
    }

    /// <summary>Whether <paramref name="key"/> is discovered at all.</summary>
    public bool Watches(ResourceKey key) =>
        _whitelist is not null ? _whitelist.ContainsKey(key.ToString()) : _blacklist is null || !_blacklist.Contains(key.ToString());

    /// <summary>Whether events of <paramref name="eventType"/> on <paramref name="key"/> are published.</summary>
    public bool Publishes(ResourceKey key, string eventType) =>
        _whitelist is not null
            ? _whitelist.TryGetValue(key.ToString(), out var events) && events.Contains(eventType)
            : Watches(key);

    /// <summary>
    /// Reads a <c>meshsyncs.meshery.io</c> object's <c>spec</c>. A missing or empty watch-list means the defaults;
    /// a whitelist wins over a blacklist when both are given. Throws <see cref="JsonException"/> on malformed lists.
    /// </summary>
    public static WatchListConfig FromSpec(JsonElement spec)
    {
        if (spec.ValueKind != JsonValueKind.Object
            || !spec.TryGetProperty("watch-list", out var watchList) || watchList.ValueKind != JsonValueKind.Object
            || !watchList.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return Default;
        }

        if (Text(data, "whitelist") is { } white)
        {
            var entries = JsonSerializer.Deserialize(white, MeshSyncJsonContext.Default.ListWhitelistEntry) ?? [];
            return Whitelist(entries.Where(e => !string.IsNullOrWhiteSpace(e.Resource)));
        }

        if (Text(data, "blacklist") is { } black)
        {
            var keys = JsonSerializer.Deserialize(black, MeshSyncJsonContext.Default.ListString) ?? [];
            return Blacklist(keys.Where(k => !string.IsNullOrWhiteSpace(k)));
        }

        return Default;
    }

    public override string ToString() =>
        _whitelist is not null ? $"whitelist({string.Join(", ", _whitelist.Keys)})"
        : _blacklist is not null ? $"blacklist({string.Join(", ", _blacklist)})"
        : "default";

    private static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}

using System.Globalization;
using System.Text.Json;
using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.MeshSync.Discovery;

internal sealed partial class ResourceInformer
{
    /// <summary>Lists every page, hands on what is new or changed, then what disappeared; returns the list's resourceVersion.</summary>
    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? listVersion = null;
        string? next = null;
        var limit = _settings.PageSize.ToString(CultureInfo.InvariantCulture);
        do
        {
            var query = next is null ? $"{Path}?limit={limit}" : $"{Path}?limit={limit}&continue={Uri.EscapeDataString(next)}";
            using var page = await _api.GetAsync(query, _settings.ListTimeout, cancellationToken).ConfigureAwait(false);
            var root = page.RootElement;
            var meta = root.TryGetProperty("metadata", out var m) ? m : default;
            listVersion ??= meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("resourceVersion", out var rv) ? rv.GetString() : null;
            next = meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("continue", out var c) && c.ValueKind == JsonValueKind.String && c.GetString() is { Length: > 0 } token
                ? token
                : null;
            if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (Identity(item) is { } identity)
                    {
                        seen.Add(identity.Uid);
                        await UpsertAsync(item, identity.Uid, identity.ResourceVersion, null, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        while (next is not null);

        foreach (var uid in Store.Uids.Where(u => !seen.Contains(u)).ToList())
        {
            if (Store.TryRemove(uid, out var gone))
            {
                await _sink.OnChangeAsync(this, MeshSyncEventTypes.Deleted, gone, default, cancellationToken).ConfigureAwait(false);
            }
        }

        return listVersion ?? string.Empty;
    }

    /// <summary>Stores and hands on an added or modified object unless the store has it at this resourceVersion already.</summary>
    private async ValueTask UpsertAsync(JsonElement item, string uid, string resourceVersion, string? eventType, CancellationToken cancellationToken)
    {
        if (Store.HasVersion(uid, resourceVersion, out var existed))
        {
            return;
        }

        var json = _encoder.Encode(item, Type, out var trimmed);
        if (trimmed)
        {
            MeshSyncLog.ResourceTrimmed(_logger, Type.Key.ToString(), uid, json.Length);
        }

        var stored = new StoredResource(uid, resourceVersion, json);
        Store.Set(uid, resourceVersion, item, json, _encoder.CanKeepRaw(item, Type, trimmed));
        var type = existed ? MeshSyncEventTypes.Modified : eventType ?? MeshSyncEventTypes.Added;
        await _sink.OnChangeAsync(this, type, stored, item, cancellationToken).ConfigureAwait(false);
    }

    private static (string Uid, string ResourceVersion)? Identity(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("metadata", out var meta) || meta.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var uid = meta.TryGetProperty("uid", out var u) ? u.GetString() : null;
        var rv = meta.TryGetProperty("resourceVersion", out var r) ? r.GetString() : null;
        return string.IsNullOrEmpty(uid) ? null : (uid, rv ?? string.Empty);
    }
}

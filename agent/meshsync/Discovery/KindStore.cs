using System.Collections.Concurrent;
using System.Text.Json;
using Meshery.Agent.MeshSync.Publishing;

namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>
/// The current objects of one kind, by uid. Written only by the kind's informer; read by anyone. Per object it
/// keeps one byte array (<see cref="StoreRecord"/>): the resourceVersion, compared on every event without
/// decompressing, and the object Brotli-compressed. The object is kept as the API server sent it whenever
/// encoding it again gives the published JSON (not trimmed to fit, not a redacted Secret): that is less than half
/// the size of the encoded <c>KubernetesResource</c>, whose ids and label ids do not compress. Uids that are
/// UUIDs (as Kubernetes makes them) are keys by value, not strings. So 100,000 objects take about 35 MiB.
/// </summary>
internal sealed class KindStore(ResourceType type, ResourceEncoder encoder)
{
    private readonly ConcurrentDictionary<Guid, byte[]> _byUuid = new();
    private readonly ConcurrentDictionary<string, byte[]> _byText = new(StringComparer.Ordinal);

    public ResourceType Type { get; } = type;

    public int Count => _byUuid.Count + _byText.Count;

    /// <summary>Whether the store holds <paramref name="uid"/> at exactly <paramref name="resourceVersion"/> (no decompression).</summary>
    public bool HasVersion(string uid, string resourceVersion, out bool exists)
    {
        exists = TryGetRecord(uid, out var record);
        return exists && StoreRecord.HasVersion(record, resourceVersion);
    }

    public bool TryGet(string uid, out StoredResource resource)
    {
        if (TryGetRecord(uid, out var record))
        {
            resource = Expand(uid, record);
            return true;
        }

        resource = null!;
        return false;
    }

    /// <summary>
    /// Stores <paramref name="encoded"/> (the published JSON of <paramref name="raw"/>); keeps <paramref name="raw"/>
    /// instead when <paramref name="rawEncodesSame"/> says encoding it again gives the same JSON.
    /// </summary>
    public void Set(string uid, string resourceVersion, JsonElement raw, ReadOnlySpan<byte> encoded, bool rawEncodesSame)
    {
        var record = rawEncodesSame
            ? StoreRecord.Pack(resourceVersion, System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(raw), isRaw: true)
            : StoreRecord.Pack(resourceVersion, encoded, isRaw: false);
        if (AsUuid(uid) is { } key)
        {
            _byUuid[key] = record;
        }
        else
        {
            _byText[uid] = record;
        }
    }

    public bool TryRemove(string uid, out StoredResource resource)
    {
        if (TryRemoveRecord(uid, out var record))
        {
            resource = Expand(uid, record);
            return true;
        }

        resource = null!;
        return false;
    }

    /// <summary>Removes <paramref name="uid"/> without reading what was stored.</summary>
    public bool Remove(string uid) => TryRemoveRecord(uid, out _);

    public IEnumerable<string> Uids => _byUuid.Keys.Select(k => k.ToString("D")).Concat(_byText.Keys);

    public IEnumerable<StoredResource> Items =>
        _byUuid.Select(i => Expand(i.Key.ToString("D"), i.Value)).Concat(_byText.Select(i => Expand(i.Key, i.Value)));

    public void Clear()
    {
        _byUuid.Clear();
        _byText.Clear();
    }

    /// <summary>The uid as a key by value, when it is a lower-case UUID that formats back to the same text.</summary>
    private static Guid? AsUuid(string uid)
    {
        Span<char> text = stackalloc char[36];
        return uid.Length == 36 && Guid.TryParseExact(uid, "D", out var value) && value.TryFormat(text, out _, "D") && text.SequenceEqual(uid)
            ? value
            : null;
    }

    private bool TryGetRecord(string uid, out byte[] record) =>
        AsUuid(uid) is { } key ? _byUuid.TryGetValue(key, out record!) : _byText.TryGetValue(uid, out record!);

    private bool TryRemoveRecord(string uid, out byte[] record) =>
        AsUuid(uid) is { } key ? _byUuid.TryRemove(key, out record!) : _byText.TryRemove(uid, out record!);

    private StoredResource Expand(string uid, byte[] record)
    {
        var (resourceVersion, isRaw, json) = StoreRecord.Unpack(record);
        if (!isRaw)
        {
            return new StoredResource(uid, resourceVersion, json);
        }

        using var document = JsonDocument.Parse(json);
        return new StoredResource(uid, resourceVersion, encoder.Encode(document.RootElement, Type, out _));
    }
}

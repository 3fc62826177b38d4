using System.Text.Json.Serialization;

namespace Meshery.Agent.ClusterCache;

/// <summary>
/// A JSON value kept as the UTF-8 bytes the cache stored (MeshSync's object, validated when it was decoded),
/// written into responses as is: a page of 100 objects is copied, not parsed, cloned and written again.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public readonly record struct RawJson(ReadOnlyMemory<byte> Utf8);

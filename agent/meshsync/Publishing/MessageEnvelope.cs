using System.Text;
using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.MeshSync.Publishing;

/// <summary>
/// Writes envelopes around already-encoded resources, byte for byte what <see cref="MeshSyncJsonContext"/> would
/// write for <see cref="MeshSyncMessage{TObject}"/>, without decoding and re-encoding the resource.
/// </summary>
internal static class MessageEnvelope
{
    private static readonly byte[] StorePrefix = Encoding.UTF8.GetBytes("{\"ObjectType\":\"\",\"EventType\":\"\",\"Request\":null,\"Object\":[");
    private static readonly byte[] Added = DataPrefix(MeshSyncEventTypes.Added);
    private static readonly byte[] Modified = DataPrefix(MeshSyncEventTypes.Modified);
    private static readonly byte[] Deleted = DataPrefix(MeshSyncEventTypes.Deleted);

    /// <summary>Bytes an envelope adds around its object (an upper bound).</summary>
    public const int Overhead = 128;

    /// <summary><c>{"ObjectType":"meshsync-data","EventType":"&lt;type&gt;","Request":null,"Object":&lt;resource&gt;}</c>.</summary>
    public static byte[] Data(string eventType, ReadOnlySpan<byte> resource)
    {
        var prefix = eventType switch
        {
            MeshSyncEventTypes.Added => Added,
            MeshSyncEventTypes.Modified => Modified,
            MeshSyncEventTypes.Deleted => Deleted,
            _ => DataPrefix(eventType),
        };
        var bytes = new byte[prefix.Length + resource.Length + 1];
        prefix.CopyTo(bytes, 0);
        resource.CopyTo(bytes.AsSpan(prefix.Length));
        bytes[^1] = (byte)'}';
        return bytes;
    }

    /// <summary><c>{"ObjectType":"","EventType":"","Request":null,"Object":[r1,r2,...]}</c>.</summary>
    public static byte[] StoreBatch(IReadOnlyList<ReadOnlyMemory<byte>> resources)
    {
        var length = StorePrefix.Length + 2 + resources.Sum(r => r.Length + 1);
        var bytes = new byte[length];
        StorePrefix.CopyTo(bytes, 0);
        var at = StorePrefix.Length;
        for (var i = 0; i < resources.Count; i++)
        {
            if (i > 0)
            {
                bytes[at++] = (byte)',';
            }

            resources[i].Span.CopyTo(bytes.AsSpan(at));
            at += resources[i].Length;
        }

        bytes[at++] = (byte)']';
        bytes[at++] = (byte)'}';
        return bytes.AsSpan(0, at).ToArray();
    }

    private static byte[] DataPrefix(string eventType) =>
        Encoding.UTF8.GetBytes($"{{\"ObjectType\":\"{MeshSyncObjectTypes.MeshSyncData}\",\"EventType\":\"{eventType}\",\"Request\":null,\"Object\":");
}

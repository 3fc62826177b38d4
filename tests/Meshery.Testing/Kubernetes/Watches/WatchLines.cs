using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Meshery.Testing.Kubernetes.Discovery;
using Meshery.Testing.Kubernetes.Http;
using Meshery.Testing.Kubernetes.Storage;

namespace Meshery.Testing.Kubernetes.Watches;

/// <summary>Writes watch events as the real server does: one <c>{"type":..,"object":..}</c> JSON per line.</summary>
internal static class WatchLines
{
    private static readonly byte[] Prefix = "{\"type\":\""u8.ToArray();
    private static readonly byte[] Middle = "\",\"object\":"u8.ToArray();
    private static readonly byte[] Suffix = "}\n"u8.ToArray();

    public static void Write(PipeWriter writer, WatchEventKind kind, StoredObject obj, ResourceType type) =>
        Write(writer, kind switch
        {
            WatchEventKind.Added => "ADDED",
            WatchEventKind.Modified => "MODIFIED",
            _ => "DELETED",
        }, obj.JsonFor(type.ApiVersion));

    /// <summary>A BOOKMARK; <paramref name="initialEventsEnd"/> marks the end of <c>sendInitialEvents</c>.</summary>
    public static void WriteBookmark(PipeWriter writer, ResourceType type, long resourceVersion, bool initialEventsEnd = false)
    {
        var annotations = initialEventsEnd ? ",\"annotations\":{\"k8s.io/initial-events-end\":\"true\"}" : string.Empty;
        Write(writer, "BOOKMARK", Encoding.UTF8.GetBytes(
            $"{{\"kind\":\"{type.Kind}\",\"apiVersion\":\"{type.ApiVersion}\",\"metadata\":{{\"resourceVersion\":\"{Meta.RvString(resourceVersion)}\"{annotations}}}}}"));
    }

    public static void WriteError(PipeWriter writer, KubeStatus status) =>
        Write(writer, "ERROR", StoredObject.Serialize(status.ToJson()));

    public static void WriteRaw(PipeWriter writer, string line)
    {
        writer.Write(Encoding.UTF8.GetBytes(line));
        writer.Write("\n"u8);
    }

    private static void Write(PipeWriter writer, string type, byte[] json)
    {
        writer.Write(Prefix);
        writer.Write(Encoding.ASCII.GetBytes(type));
        writer.Write(Middle);
        writer.Write(json);
        writer.Write(Suffix);
    }
}

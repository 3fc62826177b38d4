using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Meshery.Agent.ClusterCache;

/// <summary>
/// A change as the stream's <c>data</c>: <c>{eventType, clusterId, id, kind, apiVersion, namespace, name,
/// resourceVersion, resource}</c>, where <c>resource</c> is MeshSync's object as received (absent on delete).
/// </summary>
public static class ResourceChangeJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ResourceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var buffer = new ArrayBufferWriter<byte>(256 + (change.Object?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("eventType", change.EventType);
            writer.WriteString("clusterId", change.ClusterId);
            writer.WriteString("id", change.Id);
            writer.WriteString("kind", change.Kind);
            writer.WriteString("apiVersion", change.ApiVersion);
            writer.WriteString("namespace", change.Namespace);
            writer.WriteString("name", change.Name);
            writer.WriteString("resourceVersion", change.ResourceVersion);
            if (change.Object is { } obj)
            {
                writer.WritePropertyName("resource");
                writer.WriteRawValue(obj, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Meshery.Testing.Kubernetes.Lists;

/// <summary>
/// The real server's continue token: base64url of <c>{"v":"meta.k8s.io/v1","rv":N,"start":"key\u0000"}</c>,
/// naming the snapshot (resourceVersion) and the first key of the next page.
/// </summary>
internal static class ContinueToken
{
    public static string Encode(long resourceVersion, string lastKey)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("v", "meta.k8s.io/v1");
            writer.WriteNumber("rv", resourceVersion);
            writer.WriteString("start", lastKey + "\0");
            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    public static bool TryDecode(string token, out long resourceVersion, out string startKey)
    {
        resourceVersion = 0;
        startKey = string.Empty;
        try
        {
            using var doc = JsonDocument.Parse(Base64Url.DecodeFromChars(token));
            var root = doc.RootElement;
            if (root.GetProperty("v").GetString() != "meta.k8s.io/v1")
            {
                return false;
            }

            resourceVersion = root.GetProperty("rv").GetInt64();
            startKey = root.GetProperty("start").GetString() ?? string.Empty;
            return resourceVersion > 0;
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }
}

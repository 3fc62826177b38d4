using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>
/// One stored object as one byte array: <c>[flags][resourceVersion length][resourceVersion UTF-8][JSON length][JSON,
/// Brotli-compressed unless that did not make it smaller]</c>. One array instead of an entry object, a version string
/// and a payload array saves about 100 bytes an object, and the version is compared in place.
/// </summary>
internal static class StoreRecord
{
    // Fastest qualities: quality 2 is as fast as 1 here and a little smaller (Kubernetes JSON repeats itself).
    private const int Quality = 2;
    private const int Window = 18;
    private const byte Compressed = 1;
    private const byte Raw = 2;
    private const int Header = 1 + sizeof(int) + sizeof(int);

    public static byte[] Pack(string resourceVersion, ReadOnlySpan<byte> json, bool isRaw)
    {
        var versionLength = Encoding.UTF8.GetByteCount(resourceVersion);
        var rented = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(json.Length));
        try
        {
            var compressed = BrotliEncoder.TryCompress(json, rented, out var written, Quality, Window) && written < json.Length;
            var body = compressed ? rented.AsSpan(0, written) : json;
            var record = new byte[Header + versionLength + body.Length];
            record[0] = (byte)((compressed ? Compressed : 0) | (isRaw ? Raw : 0));
            BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(1), versionLength);
            Encoding.UTF8.GetBytes(resourceVersion, record.AsSpan(1 + sizeof(int), versionLength));
            BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(1 + sizeof(int) + versionLength), json.Length);
            body.CopyTo(record.AsSpan(Header + versionLength));
            return record;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static bool HasVersion(byte[] record, string resourceVersion)
    {
        var stored = Version(record);
        if (Encoding.UTF8.GetMaxByteCount(resourceVersion.Length) <= 256)
        {
            Span<byte> candidate = stackalloc byte[256];
            var length = Encoding.UTF8.GetBytes(resourceVersion, candidate);
            return stored.SequenceEqual(candidate[..length]);
        }

        return stored.SequenceEqual(Encoding.UTF8.GetBytes(resourceVersion));
    }

    public static (string ResourceVersion, bool IsRaw, byte[] Json) Unpack(byte[] record)
    {
        var version = Version(record);
        var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(record.AsSpan(1 + sizeof(int) + version.Length));
        var body = record.AsSpan(Header + version.Length);
        var json = new byte[jsonLength];
        if ((record[0] & Compressed) == 0)
        {
            body.CopyTo(json);
        }
        else if (!BrotliDecoder.TryDecompress(body, json, out var written) || written != jsonLength)
        {
            throw new InvalidOperationException("A stored object could not be decompressed.");
        }

        return (Encoding.UTF8.GetString(version), (record[0] & Raw) != 0, json);
    }

    private static ReadOnlySpan<byte> Version(byte[] record) =>
        record.AsSpan(1 + sizeof(int), BinaryPrimitives.ReadInt32LittleEndian(record.AsSpan(1)));
}

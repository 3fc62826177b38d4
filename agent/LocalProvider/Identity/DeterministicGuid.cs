using System.Security.Cryptography;
using System.Text;

namespace Meshery.Agent.LocalProvider.Identity;

/// <summary>Name-based UUIDs (RFC 9562 version 5, SHA-1), as upstream derives the local user's id.</summary>
public static class DeterministicGuid
{
    /// <summary>The RFC 4122 DNS namespace.</summary>
    public static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    public static Guid CreateVersion5(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what version 5 UUIDs are defined with; no security rests on it.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}

using System.Security.Cryptography;
using System.Text;
using Meshery.ExtensionPoints.Organizations;

namespace Meshery.Provider.Storage.Organizations;

/// <summary>
/// Every user's own organization, created on first access. Its id is a name-based UUID (version 5)
/// of the user id, so every instance derives the same one without a lookup.
/// </summary>
public static class PersonalOrganization
{
    /// <summary>UUIDv5(DNS namespace, "meshery-provider-personal-organization"): the namespace of personal organization ids.</summary>
    public static Guid Namespace { get; } = CreateVersion5(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "meshery-provider-personal-organization");

    public static Guid IdFor(Guid userId) => CreateVersion5(Namespace, userId.ToString("D"));

    public static Organization Create(Guid userId, DateTimeOffset now) => new()
    {
        Id = IdFor(userId),
        Name = "Personal",
        Description = "Your own organization.",
        Owner = userId,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static Guid CreateVersion5(Guid namespaceId, string name)
    {
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

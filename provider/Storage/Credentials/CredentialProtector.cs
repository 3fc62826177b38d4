using System.Security.Cryptography;
using System.Text;
using Meshery.ExtensionPoints.Errors;
using Meshery.Provider.Storage.Tables;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Storage.Credentials;

/// <summary>
/// Encrypts credential secrets at rest with AES-256-GCM under the configured key
/// (<c>Meshery:Provider:Storage:CredentialKey</c>). The associated data binds each ciphertext to its
/// credential id and tenant, so it cannot be moved to another credential or user. Layout:
/// version byte, 12-byte nonce, 16-byte tag, ciphertext.
/// </summary>
public sealed class CredentialProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public CredentialProtector(IOptions<TableStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = TableStorageOptionsValidator.CredentialKeyBytes(options.Value.CredentialKey)
            ?? throw new ProviderException(ProviderErrorKind.Unavailable, $"{TableStorageOptions.Section}:CredentialKey is not the base64 of a 32-byte key.");
    }

    public byte[] Protect(Guid tenant, Guid credentialId, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[1 + NonceSize + TagSize + plaintext.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), AssociatedData(tenant, credentialId));
        return output;
    }

    public byte[] Unprotect(Guid tenant, Guid credentialId, ReadOnlySpan<byte> protectedBytes)
    {
        if (protectedBytes.Length < 1 + NonceSize + TagSize || protectedBytes[0] != FormatVersion)
        {
            throw new ProviderException(ProviderErrorKind.Unavailable, $"The stored secret of credential '{credentialId}' is not in a known format.");
        }

        var plaintext = new byte[protectedBytes.Length - 1 - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(
                protectedBytes.Slice(1, NonceSize),
                protectedBytes[(1 + NonceSize + TagSize)..],
                protectedBytes.Slice(1 + NonceSize, TagSize),
                plaintext,
                AssociatedData(tenant, credentialId));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new ProviderException(
                ProviderErrorKind.Unavailable,
                $"The secret of credential '{credentialId}' cannot be decrypted with the configured key.",
                ex);
        }

        return plaintext;
    }

    private static byte[] AssociatedData(Guid tenant, Guid credentialId) =>
        Encoding.ASCII.GetBytes($"{tenant:D}/{credentialId:D}");
}

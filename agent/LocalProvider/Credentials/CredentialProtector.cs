using System.Security.Cryptography;
using Meshery.ExtensionPoints.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.LocalProvider.Credentials;

/// <summary>
/// Encrypts credential secrets at rest with AES-256-GCM. The key lives in a file readable by the
/// owner only, beside the database unless configured; the credential id is bound in as associated
/// data so a ciphertext cannot be moved to another row.
/// </summary>
public sealed class CredentialProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Lazy<byte[]> _key;

    public CredentialProtector(IOptions<LocalProviderOptions> options, ILogger<CredentialProtector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.CredentialKeyPath
            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Value.DatabasePath)) ?? ".", "credentials.key");
        _key = new Lazy<byte[]>(() => LoadOrCreateKey(path, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public byte[] Protect(Guid credentialId, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[1 + NonceSize + TagSize + plaintext.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key.Value, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), credentialId.ToByteArray());
        return output;
    }

    public byte[] Unprotect(Guid credentialId, byte[] protectedBytes)
    {
        ArgumentNullException.ThrowIfNull(protectedBytes);
        if (protectedBytes.Length < 1 + NonceSize + TagSize || protectedBytes[0] != FormatVersion)
        {
            throw new ProviderException(ProviderErrorKind.Unavailable, $"The stored secret of credential '{credentialId}' is not in a known format.");
        }

        var plaintext = new byte[protectedBytes.Length - 1 - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key.Value, TagSize);
            aes.Decrypt(
                protectedBytes.AsSpan(1, NonceSize),
                protectedBytes.AsSpan(1 + NonceSize + TagSize),
                protectedBytes.AsSpan(1 + NonceSize, TagSize),
                plaintext,
                credentialId.ToByteArray());
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new ProviderException(
                ProviderErrorKind.Unavailable,
                $"The secret of credential '{credentialId}' cannot be decrypted with the current key file.",
                ex);
        }

        return plaintext;
    }

    private static byte[] LoadOrCreateKey(string path, ILogger logger)
    {
        if (File.Exists(path))
        {
            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return key.Length == 32
                ? key
                : throw new ProviderException(ProviderErrorKind.Unavailable, $"The credential key file '{path}' does not hold a 256-bit key.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
        var created = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(created));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return LoadOrCreateKey(path, logger);
        }

        LocalProviderLog.CredentialKeyCreated(logger, path);
        return created;
    }
}

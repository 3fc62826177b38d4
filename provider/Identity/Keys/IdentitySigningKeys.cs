using System.Security.Cryptography;
using Meshery.Provider.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Meshery.Provider.Identity.Keys;

/// <summary>
/// The sign-in server's RSA keys, read once from <see cref="IdentityServerOptions.SigningKeys"/>: the
/// first signs, every one is published at <c>/keys</c> and the discovery JWKS, and their public halves
/// join the token validator's keys so what is issued here is accepted by the data endpoints.
/// </summary>
public sealed class IdentitySigningKeys : IDisposable
{
    private readonly List<RSA> _rsa = [];

    public IdentitySigningKeys(IOptions<IdentityServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Keys = [.. options.Value.SigningKeys.Select(Load)];
    }

    public IReadOnlyList<RsaSecurityKey> Keys { get; }

    /// <summary>Public keys in PEM with their ids, the shape of <c>Meshery:Provider:Tokens:SigningKeys</c>.</summary>
    public IEnumerable<SigningKeyOptions> PublicKeys =>
        Keys.Select(k => new SigningKeyOptions { Kid = k.KeyId, PublicKeyPem = k.Rsa.ExportSubjectPublicKeyInfoPem() });

    /// <summary>The Meshery <c>/keys</c> document: <c>kid</c>, <c>kty</c>, <c>n</c>, <c>e</c> (and <c>alg</c>, <c>use</c>), all strings.</summary>
    public KeySetAnswer KeySet => new(
    [
        .. Keys.Select(k =>
        {
            var parameters = k.Rsa.ExportParameters(includePrivateParameters: false);
            return new KeyAnswer(k.KeyId, "RSA", Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent), SecurityAlgorithms.RsaSha256, "sig");
        }),
    ]);

    public void Dispose()
    {
        foreach (var rsa in _rsa)
        {
            rsa.Dispose();
        }
    }

    /// <summary>Reads one key; a key that is not an RSA private key of at least 2048 bits stops start-up naming its kid.</summary>
    private RsaSecurityKey Load(IdentitySigningKeyOptions key)
    {
        var rsa = RSA.Create();
        _rsa.Add(rsa);
        try
        {
            rsa.ImportFromPem(key.PrivateKeyPem);
            _ = rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new OptionsValidationException(IdentityServerOptions.Section, typeof(IdentityServerOptions),
                [$"{IdentityServerOptions.Section}:SigningKeys '{key.Kid}' is not an RSA private key in PEM."]);
        }

        if (rsa.KeySize < 2048)
        {
            throw new OptionsValidationException(IdentityServerOptions.Section, typeof(IdentityServerOptions),
                [$"{IdentityServerOptions.Section}:SigningKeys '{key.Kid}' must be at least 2048 bits."]);
        }

        return new RsaSecurityKey(rsa) { KeyId = key.Kid };
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Meshery.Testing.Tokens;

/// <summary>
/// Mints RSA-signed access tokens with a <c>kid</c> for tests, and gives the provider the matching
/// validation settings. The validation path the provider runs is its production one.
/// </summary>
public sealed class TestTokenIssuer : IDisposable
{
    public const string DefaultIssuer = "https://provider.test";
    public const string DefaultAudience = "meshery-provider";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly JsonWebTokenHandler _handler = new();

    public TestTokenIssuer(string? kid = null)
    {
        Kid = kid ?? "test-" + Guid.NewGuid().ToString("N")[..8];
        Key = new RsaSecurityKey(_rsa) { KeyId = Kid };
    }

    public string Kid { get; }

    public string Issuer { get; init; } = DefaultIssuer;

    public string Audience { get; init; } = DefaultAudience;

    public RsaSecurityKey Key { get; }

    public string PublicKeyPem => _rsa.ExportSubjectPublicKeyInfoPem();

    /// <summary>An access token for <paramref name="userId"/>, valid for <paramref name="lifetime"/> (default 1 h).</summary>
    public string Mint(Guid userId, TimeSpan? lifetime = null, string? audience = null, string? issuer = null, DateTime? now = null)
    {
        var issuedAt = now ?? DateTime.UtcNow;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? Audience,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString("D"))]),
            IssuedAt = issuedAt,
            NotBefore = issuedAt.AddSeconds(-5),
            Expires = issuedAt.Add(lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Configuration entries (<c>Meshery:Provider:Tokens:*</c>) that make a provider trust this issuer.</summary>
    public IReadOnlyDictionary<string, string> ProviderSettings(string separator = ":") => new Dictionary<string, string>
    {
        [$"Meshery{separator}Provider{separator}Tokens{separator}Issuer"] = Issuer,
        [$"Meshery{separator}Provider{separator}Tokens{separator}Audience"] = Audience,
        [$"Meshery{separator}Provider{separator}Tokens{separator}SigningKeys{separator}0{separator}Kid"] = Kid,
        [$"Meshery{separator}Provider{separator}Tokens{separator}SigningKeys{separator}0{separator}PublicKeyPem"] = PublicKeyPem,
    };

    public void Dispose() => _rsa.Dispose();
}

using System.Security.Cryptography;
using Meshery.Testing.Tokens;

namespace Meshery.Infra.Tests.Deployment;

/// <summary>
/// The values a deployer supplies through <c>main.bicepparam</c>'s environment variables: the token
/// issuer and its public key (from a real RSA key, so tokens it mints can be checked against what is
/// deployed) and a fresh credential key.
/// </summary>
public sealed class DeploymentInputs : IDisposable
{
    public const string CustomDomain = "provider.meshery.test";
    public const string CustomDomainThumbprint = "0123456789ABCDEF0123456789ABCDEF01234567";

    public TestTokenIssuer Issuer { get; } = new("deploy-key-1") { Issuer = "https://signin.meshery.test" };

    public string CredentialKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The environment main.bicepparam reads.</summary>
    public IReadOnlyDictionary<string, string> Environment(bool customDomain)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MESHERY_PROVIDER_TOKEN_ISSUER"] = Issuer.Issuer,
            ["MESHERY_PROVIDER_SIGNING_KID"] = Issuer.Kid,
            ["MESHERY_PROVIDER_SIGNING_PUBLIC_KEY"] = Issuer.PublicKeyPem,
            ["MESHERY_PROVIDER_CREDENTIAL_KEY"] = CredentialKey,
        };
        if (customDomain)
        {
            environment["MESHERY_PROVIDER_CUSTOM_DOMAIN"] = CustomDomain;
            environment["MESHERY_PROVIDER_CUSTOM_DOMAIN_CERT"] = CustomDomainThumbprint;
        }

        return environment;
    }

    public void Dispose() => Issuer.Dispose();
}

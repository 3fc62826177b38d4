using System.Security.Cryptography;

namespace Meshery.Testing.Provider;

/// <summary>
/// Configuration of the provider's sign-in server in tests: a fresh RSA signing key, an encryption key,
/// a Meshery server and an agent as clients (the CLI's <c>mesheryctl</c> client is the provider's
/// default one), and a one-second device polling interval.
/// </summary>
public sealed class IdentityTestSettings : IDisposable
{
    public const string MesheryClientId = "meshery-test";
    public const string MesheryCallback = "https://meshery.test/api/user/token";
    public const string CliClientId = Meshery.Provider.Identity.OpenIddict.IdentityClients.CliClientId;
    public const string AgentClientId = "agent-test";
    public const string AgentSecret = "agent-secret-for-tests";

    private readonly RSA _rsa = RSA.Create(2048);

    public string Kid { get; } = "idp-" + Guid.NewGuid().ToString("N")[..8];

    public Guid AgentUserId { get; } = Guid.NewGuid();

    public IReadOnlyDictionary<string, string> Settings()
    {
        const string S = "Meshery:Provider:Identity";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{S}:SigningKeys:0:Kid"] = Kid,
            [$"{S}:SigningKeys:0:PrivateKeyPem"] = _rsa.ExportPkcs8PrivateKeyPem(),
            [$"{S}:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [$"{S}:Clients:0:ClientId"] = MesheryClientId,
            [$"{S}:Clients:0:Kind"] = "meshery",
            [$"{S}:Clients:0:RedirectUris:0"] = MesheryCallback,
            [$"{S}:Clients:1:ClientId"] = AgentClientId,
            [$"{S}:Clients:1:Kind"] = "agent",
            [$"{S}:Clients:1:ClientSecret"] = AgentSecret,
            [$"{S}:Clients:1:UserId"] = AgentUserId.ToString("D"),
            [$"{S}:DevicePollingInterval"] = "00:00:01",
        };
    }

    public void Dispose() => _rsa.Dispose();
}

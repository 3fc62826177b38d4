using System.Security.Cryptography;

namespace Meshery.Testing.Provider;

/// <summary>
/// Configuration of the provider's sign-in server in tests: RSA signing keys (the first signs, all are
/// published), an encryption key, a Meshery server and an agent as clients (the CLI's <c>mesheryctl</c>
/// client is the provider's default one), and a one-second device polling interval.
/// </summary>
public sealed class IdentityTestSettings : IDisposable
{
    public const string MesheryClientId = "meshery-test";
    public const string MesheryCallback = "https://meshery.test/api/user/token";
    public const string CliClientId = Meshery.Provider.Identity.OpenIddict.IdentityClients.CliClientId;
    public const string AgentClientId = "agent-test";
    public const string AgentSecret = "agent-secret-for-tests";

    private readonly List<(string Kid, RSA Rsa)> _keys = [];
    private readonly string _encryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public IdentityTestSettings()
    {
        AddSigningKey();
    }

    /// <summary>The kid of the key that signs.</summary>
    public string Kid => _keys[0].Kid;

    /// <summary>The private key that signs (tests mint tokens the provider would issue).</summary>
    public RSA SigningKey => _keys[0].Rsa;

    public Guid AgentUserId { get; } = Guid.NewGuid();

    /// <summary>The Meshery server callbacks <c>/login</c> may redirect to (a test agent adds its own).</summary>
    public IList<string> MesheryCallbacks { get; } = [MesheryCallback];

    /// <summary>Rolls the keys over: a new key signs from the next start on; the old ones stay published.</summary>
    public string AddSigningKey()
    {
        var kid = "idp-" + Guid.NewGuid().ToString("N")[..8];
        _keys.Insert(0, (kid, RSA.Create(2048)));
        return kid;
    }

    public IReadOnlyDictionary<string, string> Settings()
    {
        const string S = "Meshery:Provider:Identity";
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{S}:EncryptionKey"] = _encryptionKey,
            [$"{S}:Clients:0:ClientId"] = MesheryClientId,
            [$"{S}:Clients:0:Kind"] = "meshery",
            [$"{S}:Clients:1:ClientId"] = AgentClientId,
            [$"{S}:Clients:1:Kind"] = "agent",
            [$"{S}:Clients:1:ClientSecret"] = AgentSecret,
            [$"{S}:Clients:1:UserId"] = AgentUserId.ToString("D"),
            [$"{S}:DevicePollingInterval"] = "00:00:01",
        };
        for (var i = 0; i < _keys.Count; i++)
        {
            settings[$"{S}:SigningKeys:{i}:Kid"] = _keys[i].Kid;
            settings[$"{S}:SigningKeys:{i}:PrivateKeyPem"] = _keys[i].Rsa.ExportPkcs8PrivateKeyPem();
        }

        for (var i = 0; i < MesheryCallbacks.Count; i++)
        {
            settings[$"{S}:Clients:0:RedirectUris:{i}"] = MesheryCallbacks[i];
        }

        return settings;
    }

    public void Dispose()
    {
        foreach (var (_, rsa) in _keys)
        {
            rsa.Dispose();
        }
    }
}

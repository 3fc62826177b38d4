using System.Security.Cryptography;
using Meshery.Testing.Azurite;
using Meshery.Testing.Tokens;

namespace Meshery.Testing.Provider;

/// <summary>The configuration both provider hosts get in tests: storage in Azurite, trusted tokens, limits.</summary>
public static class ProviderSettings
{
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    public static Dictionary<string, string> Create(AzuriteFixture azurite, TestTokenIssuer tokens, string separator = ":")
    {
        ArgumentNullException.ThrowIfNull(azurite);
        ArgumentNullException.ThrowIfNull(tokens);
        var settings = new Dictionary<string, string>(tokens.ProviderSettings(separator), StringComparer.Ordinal)
        {
            [Key(separator, "Meshery", "Provider", "Storage", "ConnectionString")] = azurite.ConnectionString,
            [Key(separator, "Meshery", "Provider", "Storage", "TablePrefix")] = "p" + azurite.NextId(),
            [Key(separator, "Meshery", "Provider", "Storage", "CredentialKey")] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [Key(separator, "Meshery", "Provider", "MaxRequestBodyBytes")] = MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return settings;
    }

    private static string Key(string separator, params string[] parts) => string.Join(separator, parts);
}

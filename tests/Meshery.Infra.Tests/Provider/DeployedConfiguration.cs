using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Meshery.Infra.Tests.Deployment;

namespace Meshery.Infra.Tests.Provider;

/// <summary>
/// The configuration the provider reads once deployed: each app setting under its configuration key
/// (Linux names <c>Meshery__Provider__Name</c> for <c>Meshery:Provider:Name</c>), Key Vault references
/// replaced by what the deployment stores in those secrets.
/// </summary>
public static partial class DeployedConfiguration
{
    /// <summary>Key Vault reference of a setting: <c>@Microsoft.KeyVault(SecretUri=...)</c> with the secret's resource id.</summary>
    public static string? ReferencedSecretId(string value)
    {
        var match = KeyVaultReference().Match(value);
        return match.Success ? match.Groups["secret"].Value : null;
    }

    /// <summary>
    /// The settings as configuration; each referenced secret gets its deployed value: the credential key
    /// parameter, or the storage connection string filled in with a random account key.
    /// </summary>
    public static Dictionary<string, string?> Resolve(DeploymentSnapshot snapshot, DeploymentInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(inputs);
        var secrets = snapshot.OfType("Microsoft.KeyVault/vaults/secrets")
            .ToDictionary(s => (string)s["id"]!, s => SecretValue(s, inputs), StringComparer.OrdinalIgnoreCase);
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in snapshot.AppSettings)
        {
            var secret = ReferencedSecretId(value);
            Assert.True(secret is null || secrets.ContainsKey(secret), $"{name} references {secret}, which the deployment does not create.");
            configuration[name.Replace("__", ":", StringComparison.Ordinal)] = secret is null ? value : secrets[secret];
        }

        return configuration;
    }

    private static string SecretValue(System.Text.Json.Nodes.JsonObject secret, DeploymentInputs inputs)
    {
        var value = (string)DeploymentSnapshot.PropertiesOf(secret)["value"]!;
        if (value == "[parameters('credentialKey')]")
        {
            return inputs.CredentialKey;
        }

        var connection = ConnectionStringFormat().Match(value);
        Assert.True(connection.Success, $"The secret {secret["name"]} holds an unexpected value: {value}");
        return string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            connection.Groups["format"].Value,
            connection.Groups["account"].Value,
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)),
            "core.windows.net");
    }

    [GeneratedRegex(@"^\[format\('@Microsoft\.KeyVault\(SecretUri=\{0\}\)', reference\('(?<secret>[^']+/secrets/[^']+)', '[^']+'\)\.secretUri\)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyVaultReference();

    [GeneratedRegex(@"^\[format\('(?<format>DefaultEndpointsProtocol=https;AccountName=\{0\};AccountKey=\{1\};EndpointSuffix=\{2\})', '(?<account>[a-z0-9]+)', listKeys\(", RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringFormat();
}

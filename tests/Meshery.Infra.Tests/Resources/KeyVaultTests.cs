using Meshery.Infra.Tests.Deployment;

namespace Meshery.Infra.Tests.Resources;

[Collection(DeploymentCollection.Name)]
public sealed class KeyVaultTests(DeploymentFixture fixture)
{
    [Fact(Timeout = 120_000)]
    public async Task Vault_uses_RBAC_with_soft_delete_and_purge_protection()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var properties = DeploymentSnapshot.PropertiesOf(snapshot.Single("Microsoft.KeyVault/vaults"));

        Assert.True((bool?)properties["enableRbacAuthorization"]);
        Assert.True((bool?)properties["enableSoftDelete"]);
        Assert.True((bool?)properties["enablePurgeProtection"]);
        Assert.Equal(90, (int?)properties["softDeleteRetentionInDays"]);
        Assert.Null(properties["accessPolicies"]);
        Assert.False((bool?)properties["enabledForTemplateDeployment"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task Storage_connection_secret_is_made_from_the_account_key_in_the_deployment()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var account = (string)snapshot.Single("Microsoft.Storage/storageAccounts")["id"]!;

        var secret = snapshot.OfType("Microsoft.KeyVault/vaults/secrets").Single(s => ((string)s["name"]!).EndsWith("/provider-storage-connection-string", StringComparison.Ordinal));
        var value = (string)DeploymentSnapshot.PropertiesOf(secret)["value"]!;

        Assert.Contains($"listKeys('{account}'", value, StringComparison.Ordinal);
        Assert.Contains("DefaultEndpointsProtocol=https;", value, StringComparison.Ordinal);
        Assert.Contains("environment().suffixes.storage", value, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Credential_key_secret_comes_from_the_secure_parameter()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);

        var secret = snapshot.OfType("Microsoft.KeyVault/vaults/secrets").Single(s => ((string)s["name"]!).EndsWith("/provider-credential-key", StringComparison.Ordinal));

        Assert.Equal("[parameters('credentialKey')]", (string?)DeploymentSnapshot.PropertiesOf(secret)["value"]);
        Assert.DoesNotContain(fixture.Inputs.CredentialKey, snapshot.Document.ToJsonString(), StringComparison.Ordinal);
    }
}

using Meshery.Infra.Tests.Deployment;
using Meshery.Infra.Tests.Provider;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Infra.Tests.Resources;

[Collection(DeploymentCollection.Name)]
public sealed class StorageAccountTests(DeploymentFixture fixture)
{
    [Fact(Timeout = 120_000)]
    public async Task Storage_account_requires_TLS_1_2_and_HTTPS_and_refuses_public_blobs()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var account = snapshot.Single("Microsoft.Storage/storageAccounts");
        var properties = DeploymentSnapshot.PropertiesOf(account);

        Assert.Equal("StorageV2", (string?)account["kind"]);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool?)properties["supportsHttpsTrafficOnly"]);
        Assert.False((bool?)properties["allowBlobPublicAccess"]);
        Assert.False((bool?)properties["allowCrossTenantReplication"]);
        Assert.True((bool?)properties["defaultToOAuthAuthentication"]);
        Assert.True((bool?)properties["encryption"]?["requireInfrastructureEncryption"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task Shared_key_access_follows_how_the_provider_connects()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var properties = DeploymentSnapshot.PropertiesOf(snapshot.Single("Microsoft.Storage/storageAccounts"));

        // The provider's stores open the account with a connection string (account key), so shared key
        // access must stay on; the string lives in Key Vault only. Once the provider connects with its
        // managed identity instead, this option goes and the account should turn shared keys off.
        var usesConnectionString = typeof(TableStorageOptions).GetProperty(nameof(TableStorageOptions.ConnectionString)) is not null;
        Assert.Equal(usesConnectionString, (bool?)properties["allowSharedKeyAccess"]);
        Assert.NotNull(DeployedConfiguration.ReferencedSecretId(snapshot.AppSettings["Meshery__Provider__Storage__ConnectionString"]));

        // The Functions host itself uses the identity, never a key.
        Assert.Equal((string?)snapshot.Single("Microsoft.Storage/storageAccounts")["name"], snapshot.AppSettings["AzureWebJobsStorage__accountName"]);
        Assert.DoesNotContain("AzureWebJobsStorage", snapshot.AppSettings.Keys);
    }

    [Fact(Timeout = 120_000)]
    public async Task Deployment_package_container_is_private_and_deletes_are_recoverable()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);

        var container = snapshot.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", (string?)DeploymentSnapshot.PropertiesOf(container)["publicAccess"]);
        var blobs = DeploymentSnapshot.PropertiesOf(snapshot.Single("Microsoft.Storage/storageAccounts/blobServices"));
        Assert.True((bool?)blobs["deleteRetentionPolicy"]?["enabled"]);
        Assert.True((bool?)blobs["containerDeleteRetentionPolicy"]?["enabled"]);
    }
}

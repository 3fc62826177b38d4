using System.Reflection;
using System.Runtime.Versioning;
using Meshery.Infra.Tests.Deployment;
using Meshery.Provider.Hosting;

namespace Meshery.Infra.Tests.Resources;

[Collection(DeploymentCollection.Name)]
public sealed class FunctionAppTests(DeploymentFixture fixture)
{
    [Fact(Timeout = 120_000)]
    public async Task Plan_is_Flex_Consumption_on_Linux()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var plan = snapshot.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]?["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]?["tier"]);
        Assert.True((bool?)DeploymentSnapshot.PropertiesOf(plan)["reserved"]);
        Assert.Equal(plan["id"]!.ToString(), (string?)DeploymentSnapshot.PropertiesOf(snapshot.Single("Microsoft.Web/sites"))["serverFarmId"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task App_runs_the_isolated_worker_on_the_providers_dotnet_version()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var site = snapshot.Single("Microsoft.Web/sites");
        var framework = new FrameworkName(typeof(ProviderOptions).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);

        var runtime = DeploymentSnapshot.PropertiesOf(site)["functionAppConfig"]!["runtime"]!;

        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal(framework.Version.ToString(2), (string?)runtime["version"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task App_settings_leave_the_runtime_to_the_Flex_Consumption_configuration()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);

        // Flex Consumption refuses these settings: the runtime and its version live in functionAppConfig.
        foreach (var refused in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING" })
        {
            Assert.DoesNotContain(refused, snapshot.AppSettings.Keys);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task App_is_HTTPS_only_with_TLS_1_2_and_no_FTP_or_basic_publishing()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var properties = DeploymentSnapshot.PropertiesOf(snapshot.Single("Microsoft.Web/sites"));
        var config = properties["siteConfig"]!;

        Assert.True((bool?)properties["httpsOnly"]);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("1.2", (string?)config["scmMinTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        var policies = snapshot.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        Assert.Equal(["ftp", "scm"], policies.Select(p => ((string)p["name"]!).Split('/')[^1]).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False((bool?)DeploymentSnapshot.PropertiesOf(p)["allow"]));
    }

    [Fact(Timeout = 120_000)]
    public async Task App_identity_reads_its_package_and_its_Key_Vault_references()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var site = snapshot.Single("Microsoft.Web/sites");
        var properties = DeploymentSnapshot.PropertiesOf(site);
        var package = properties["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("SystemAssigned", (string?)site["identity"]?["type"]);
        Assert.Equal("SystemAssigned", (string?)properties["keyVaultReferenceIdentity"]);
        Assert.Equal("blobContainer", (string?)package["type"]);
        Assert.Equal("SystemAssignedIdentity", (string?)package["authentication"]?["type"]);
        Assert.Contains((string)snapshot.Single("Microsoft.Storage/storageAccounts")["id"]!, (string?)package["value"], StringComparison.Ordinal);
        Assert.Contains("app-package", (string?)package["value"], StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Without_a_custom_domain_the_provider_url_is_the_default_host_name()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);

        Assert.Empty(snapshot.OfType("Microsoft.Web/sites/hostNameBindings"));
        var publicUrl = snapshot.AppSettings["Meshery__Provider__PublicUrl"];
        Assert.StartsWith("[format('https://{0}', reference('" + snapshot.Single("Microsoft.Web/sites")["id"], publicUrl, StringComparison.Ordinal);
        Assert.EndsWith(".defaultHostName)]", publicUrl, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_custom_domain_is_bound_with_its_certificate_and_becomes_the_provider_url()
    {
        var snapshot = await fixture.CustomDomainSnapshotAsync(TestContext.Current.CancellationToken);

        var binding = snapshot.Single("Microsoft.Web/sites/hostNameBindings");
        var properties = DeploymentSnapshot.PropertiesOf(binding);

        Assert.EndsWith("/" + DeploymentInputs.CustomDomain, (string?)binding["name"], StringComparison.Ordinal);
        Assert.Equal("SniEnabled", (string?)properties["sslState"]);
        Assert.Equal(DeploymentInputs.CustomDomainThumbprint, (string?)properties["thumbprint"]);
        Assert.Equal("https://" + DeploymentInputs.CustomDomain, snapshot.AppSettings["Meshery__Provider__PublicUrl"]);
    }
}

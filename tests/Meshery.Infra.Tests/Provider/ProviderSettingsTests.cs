using Meshery.Infra.Tests.Deployment;
using Meshery.Provider.Auth;
using Meshery.Provider.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meshery.Infra.Tests.Provider;

/// <summary>
/// The deployment against the provider itself: the options the Functions app's composition binds
/// decide which settings must be deployed, and the deployed settings must pass the provider's own
/// start-up validation and let it check a real token.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class ProviderSettingsTests(DeploymentFixture fixture)
{
    [Fact(Timeout = 120_000)]
    public async Task Every_required_provider_setting_has_a_deployment_value()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var deployed = DeployedConfiguration.Resolve(snapshot, fixture.Inputs);
        var bound = await BoundOptionsTypesAsync();

        var required = ProviderSettingKeys.Required(bound);

        Assert.Contains("Meshery:Provider:Tokens:Issuer", required);
        Assert.Contains("Meshery:Provider:Tokens:SigningKeys:0:PublicKeyPem", required);
        Assert.Contains("Meshery:Provider:Storage:CredentialKey", required);
        var missing = required.Where(k => string.IsNullOrWhiteSpace(deployed.GetValueOrDefault(k))).ToList();
        Assert.True(missing.Count == 0, "The deployment sets no value for: " + string.Join(", ", missing));
    }

    [Fact(Timeout = 120_000)]
    public async Task Every_deployed_provider_setting_names_a_provider_option()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var known = ProviderSettingKeys.Known(await BoundOptionsTypesAsync());

        var provider = DeployedConfiguration.Resolve(snapshot, fixture.Inputs).Keys
            .Where(k => k.StartsWith("Meshery:", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.NotEmpty(provider);
        var unknown = provider.Where(k => !known.Contains(ProviderSettingKeys.Generalize(k))).ToList();
        Assert.True(unknown.Count == 0, "Deployed settings no provider option reads: " + string.Join(", ", unknown));
        Assert.Contains("Meshery:Provider:PublicUrl", provider);
    }

    [Fact(Timeout = 120_000)]
    public async Task Deployed_settings_pass_the_providers_start_up_validation()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var deployed = DeployedConfiguration.Resolve(snapshot, fixture.Inputs);

        using var host = (await FunctionsComposition.ComposeAsync(deployed, TestContext.Current.CancellationToken)).Build();

        // What ValidateOnStart runs when the host starts: a missing or malformed setting throws, naming its key.
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var storage = host.Services.GetRequiredService<IOptions<TableStorageOptions>>().Value;
        Assert.Equal(32, TableStorageOptionsValidator.CredentialKeyBytes(storage.CredentialKey)?.Length);
        Assert.StartsWith("DefaultEndpointsProtocol=https;AccountName=" + snapshot.Single("Microsoft.Storage/storageAccounts")["name"], storage.ConnectionString, StringComparison.Ordinal);

        // The storage clients accept the connection string the vault holds (they parse it on construction).
        Assert.NotNull(host.Services.GetRequiredService<TableStorage>());
    }

    [Fact(Timeout = 120_000)]
    public async Task Provider_accepts_tokens_from_the_deployed_issuer_and_key()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var deployed = DeployedConfiguration.Resolve(snapshot, fixture.Inputs);
        using var host = (await FunctionsComposition.ComposeAsync(deployed, TestContext.Current.CancellationToken)).Build();
        var validator = host.Services.GetRequiredService<ProviderTokenValidator>();
        var user = Guid.NewGuid();

        var accepted = await validator.ValidateAsync(fixture.Inputs.Issuer.Mint(user), systemId: null);
        var otherIssuer = await validator.ValidateAsync(fixture.Inputs.Issuer.Mint(user, issuer: "https://elsewhere.test"), systemId: null);

        Assert.True(accepted.IsValid, accepted.Failure);
        Assert.False(otherIssuer.IsValid);
    }

    [Fact(Timeout = 120_000)]
    public async Task Provider_secrets_are_Key_Vault_references_to_the_deployed_vault()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var vault = (string)snapshot.Single("Microsoft.KeyVault/vaults")["id"]!;

        foreach (var key in new[] { "Meshery__Provider__Storage__ConnectionString", "Meshery__Provider__Storage__CredentialKey" })
        {
            var secret = DeployedConfiguration.ReferencedSecretId(snapshot.AppSettings[key]);
            Assert.True(secret is not null, $"{key} is not a Key Vault reference: {snapshot.AppSettings[key]}");
            Assert.StartsWith(vault + "/secrets/", secret, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(fixture.Inputs.CredentialKey, snapshot.Document.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Functions_app_composes_the_provider()
    {
        var called = await FunctionsComposition.CalledMethodsAsync(TestContext.Current.CancellationToken);
        var bound = await BoundOptionsTypesAsync();

        Assert.Contains("AddMesheryProvider", called);
        Assert.Contains(typeof(ProviderTokenOptions), bound);
        Assert.Contains(typeof(TableStorageOptions), bound);
    }

    private static async Task<IReadOnlyList<Type>> BoundOptionsTypesAsync()
    {
        var builder = await FunctionsComposition.ComposeAsync(new Dictionary<string, string?>(), TestContext.Current.CancellationToken);
        return ProviderSettingKeys.BoundOptionsTypes(builder.Services);
    }
}

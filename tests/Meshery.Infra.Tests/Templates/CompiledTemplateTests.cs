using Meshery.Infra.Tests.Deployment;

namespace Meshery.Infra.Tests.Templates;

/// <summary>The compiled ARM JSON: its parameters and outputs, what <c>az deployment group create</c> sees.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class CompiledTemplateTests(DeploymentFixture fixture)
{
    [Fact(Timeout = 120_000)]
    public async Task Template_outputs_the_provider_url_and_the_names_a_deployer_needs()
    {
        var outputs = (await fixture.TemplateAsync(TestContext.Current.CancellationToken))["outputs"]!.AsObject();

        foreach (var name in new[] { "providerUrl", "functionAppName", "keyVaultName", "storageAccountName", "customDomainVerificationId" })
        {
            Assert.True(outputs.ContainsKey(name), $"The template has no output {name}.");
            Assert.Equal("string", (string?)outputs[name]!["type"]);
        }

        Assert.Contains("https://", (string?)outputs["providerUrl"]!["value"], StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Credential_key_is_a_secure_parameter_without_a_default()
    {
        var parameters = (await fixture.TemplateAsync(TestContext.Current.CancellationToken))["parameters"]!.AsObject();

        var key = parameters["credentialKey"]!;
        Assert.Equal("securestring", (string?)key["type"]);
        Assert.Null(key["defaultValue"]);
        Assert.Equal(44, (int?)key["minLength"]);
        Assert.Equal(44, (int?)key["maxLength"]);
        Assert.Null(parameters["tokenIssuer"]!["defaultValue"]);
        Assert.Equal(1, (int?)parameters["tokenSigningKeys"]!["minLength"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task No_output_carries_a_secret()
    {
        var template = await fixture.TemplateAsync(TestContext.Current.CancellationToken);

        foreach (var (name, output) in template["outputs"]!.AsObject())
        {
            var value = output!["value"]!.ToJsonString();
            Assert.DoesNotContain("listKeys", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("credentialKey", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ConnectionString", value, StringComparison.OrdinalIgnoreCase);
            Assert.NotEqual("securestring", (string?)output["type"]);
            Assert.False(string.IsNullOrEmpty(name));
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Snapshot_outputs_resolve_the_names_and_the_custom_domain_url()
    {
        var plain = (await fixture.SnapshotAsync(TestContext.Current.CancellationToken)).Outputs;
        var custom = (await fixture.CustomDomainSnapshotAsync(TestContext.Current.CancellationToken)).Outputs;

        Assert.StartsWith("meshery-provider-", (string?)plain["functionAppName"], StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9]{3,24}$", (string?)plain["storageAccountName"]);
        Assert.Matches("^[a-zA-Z0-9-]{3,24}$", (string?)plain["keyVaultName"]);
        Assert.Contains(".defaultHostName", (string?)plain["providerUrl"], StringComparison.Ordinal);
        Assert.Equal("https://" + DeploymentInputs.CustomDomain, (string?)custom["providerUrl"]);
    }
}

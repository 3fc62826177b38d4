using System.Text.Json.Nodes;
using Meshery.Infra.Tests.Bicep;
using Meshery.Infra.Tests.Deployment;

namespace Meshery.Infra.Tests.Templates;

/// <summary>The Bicep sources through the CLI: lint and build clean, the parameters file reads the deployer's environment.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class BicepToolingTests(DeploymentFixture fixture)
{
    [Fact(Timeout = 120_000)]
    public async Task Every_bicep_file_lints_without_a_diagnostic()
    {
        var run = await fixture.RunAsync(["lint", "--pattern", fixture.Folder + "/**/*.bicep"], customDomain: false, TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0 && run.StandardOutput.Trim().Length == 0 && run.StandardError.Trim().Length == 0, run.Output);
    }

    [Fact(Timeout = 120_000)]
    public async Task Linter_flags_stale_api_versions_as_warnings()
    {
        // Zero lint warnings then also means every API version is the newest the CLI knows or under two years old.
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(DeploymentFixture.SourceFolder, "bicepconfig.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal("warning", (string?)config["analyzers"]?["core"]?["rules"]?["use-recent-api-versions"]?["level"]);

        var stale = Path.Combine(fixture.Folder, "stale-api.bicep");
        await File.WriteAllTextAsync(
            stale,
            "resource vault 'Microsoft.KeyVault/vaults@2019-09-01' existing = {\n  name: 'kv-stale-example'\n}\n\noutput id string = vault.id\n",
            TestContext.Current.CancellationToken);
        try
        {
            var run = await fixture.RunAsync(["lint", stale], customDomain: false, TestContext.Current.CancellationToken);
            Assert.Contains("use-recent-api-versions", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(stale);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Main_template_builds_without_a_diagnostic()
    {
        var run = await fixture.TemplateBuildAsync(TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0 && run.StandardError.Trim().Length == 0, run.Output);
        var template = JsonNode.Parse(run.StandardOutput)!;
        Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", (string?)template["$schema"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task Parameters_file_reads_the_deployers_environment()
    {
        var parameters = (await fixture.ParametersAsync(TestContext.Current.CancellationToken))["parameters"]!;

        Assert.Equal(fixture.Inputs.Issuer.Issuer, (string?)parameters["tokenIssuer"]?["value"]);
        Assert.Equal(fixture.Inputs.CredentialKey, (string?)parameters["credentialKey"]?["value"]);
        var key = parameters["tokenSigningKeys"]!["value"]!.AsArray().Single()!;
        Assert.Equal(fixture.Inputs.Issuer.Kid, (string?)key["kid"]);
        Assert.Equal(fixture.Inputs.Issuer.PublicKeyPem, (string?)key["publicKeyPem"]);
        Assert.Equal(string.Empty, (string?)parameters["customDomainName"]?["value"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task Parameters_file_refuses_to_build_without_the_credential_key()
    {
        var environment = fixture.Inputs.Environment(customDomain: false).Where(e => e.Key != "MESHERY_PROVIDER_CREDENTIAL_KEY").ToDictionary();

        var run = await BicepCli.RunAsync(fixture.Folder, ["build-params", "main.bicepparam", "--stdout"], environment, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("MESHERY_PROVIDER_CREDENTIAL_KEY", run.StandardError, StringComparison.Ordinal);
    }
}

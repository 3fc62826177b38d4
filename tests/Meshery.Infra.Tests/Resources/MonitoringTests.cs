using Meshery.Infra.Tests.Deployment;

namespace Meshery.Infra.Tests.Resources;

[Collection(DeploymentCollection.Name)]
public sealed class MonitoringTests(DeploymentFixture fixture)
{
    [Fact(Timeout = 120_000)]
    public async Task Application_Insights_is_workspace_based_with_local_auth_off()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var workspace = snapshot.Single("Microsoft.OperationalInsights/workspaces");
        var insights = DeploymentSnapshot.PropertiesOf(snapshot.Single("Microsoft.Insights/components"));

        Assert.Equal((string?)workspace["id"], (string?)insights["WorkspaceResourceId"]);
        Assert.True((bool?)insights["DisableLocalAuth"]);
        Assert.True((bool?)DeploymentSnapshot.PropertiesOf(workspace)["features"]?["disableLocalAuth"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task Functions_host_sends_telemetry_with_its_identity()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var insights = (string)snapshot.Single("Microsoft.Insights/components")["id"]!;

        Assert.Equal("Authorization=AAD", snapshot.AppSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Contains($"reference('{insights}'", snapshot.AppSettings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.DoesNotContain("APPINSIGHTS_INSTRUMENTATIONKEY", snapshot.AppSettings.Keys);
    }
}

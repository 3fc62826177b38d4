using System.Text.RegularExpressions;
using Meshery.Infra.Tests.Deployment;

namespace Meshery.Infra.Tests.Resources;

[Collection(DeploymentCollection.Name)]
public sealed partial class RoleAssignmentTests(DeploymentFixture fixture)
{
    [Fact(Timeout = 120_000)]
    public async Task App_identity_holds_exactly_the_roles_it_needs_each_on_its_resource()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        string IdOf(string type) => (string)snapshot.Single(type)["id"]!;
        var expected = new[]
        {
            (Scope: IdOf("Microsoft.KeyVault/vaults"), Role: RoleDefinitions.KeyVaultSecretsUser),
            (Scope: IdOf("Microsoft.Storage/storageAccounts"), Role: RoleDefinitions.StorageBlobDataOwner),
            (Scope: IdOf("Microsoft.Storage/storageAccounts"), Role: RoleDefinitions.StorageTableDataContributor),
            (Scope: IdOf("Microsoft.Insights/components"), Role: RoleDefinitions.MonitoringMetricsPublisher),
        };

        var assigned = snapshot.OfType("Microsoft.Authorization/roleAssignments")
            .Select(a => (Scope: ScopeOf((string)a["id"]!), Role: ((string)DeploymentSnapshot.PropertiesOf(a)["roleDefinitionId"]!).Split('/')[^1]))
            .ToList();

        Assert.Equal(expected.Order(), assigned.Order());
    }

    [Fact(Timeout = 120_000)]
    public async Task Roles_go_to_the_apps_system_assigned_identity_as_built_in_definitions()
    {
        var snapshot = await fixture.SnapshotAsync(TestContext.Current.CancellationToken);
        var site = (string)snapshot.Single("Microsoft.Web/sites")["id"]!;

        var assignments = snapshot.OfType("Microsoft.Authorization/roleAssignments");

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a =>
        {
            var properties = DeploymentSnapshot.PropertiesOf(a);
            Assert.Equal("ServicePrincipal", (string?)properties["principalType"]);
            Assert.Equal($"[reference('{site}', '2025-03-01', 'full').identity.principalId]", (string?)properties["principalId"]);
            Assert.StartsWith(
                $"/subscriptions/{DeploymentFixture.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/",
                (string?)properties["roleDefinitionId"],
                StringComparison.Ordinal);
        });
    }

    /// <summary>The scope of an extension resource id: <c>[extensionResourceId('scope', ...)]</c>.</summary>
    private static string ScopeOf(string id)
    {
        var match = ExtensionScope().Match(id);
        Assert.True(match.Success, $"Not an extension resource id: {id}");
        return match.Groups["scope"].Value;
    }

    [GeneratedRegex(@"^\[extensionResourceId\('(?<scope>[^']+)', 'Microsoft\.Authorization/roleAssignments'", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionScope();
}

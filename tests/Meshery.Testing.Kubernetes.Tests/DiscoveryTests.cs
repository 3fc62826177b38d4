using k8s;

namespace Meshery.Testing.Kubernetes.Tests;

[Collection(KubeCollection.Name)]
public sealed class DiscoveryTests(FakeKubeApiServerFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Version_reports_a_kubernetes_release()
    {
        using var client = fixture.CreateClient();

        var version = await client.Version.GetCodeAsync(_ct);

        Assert.Equal("v1.33.1", version.GitVersion);
        Assert.Equal("1", version.Major);
        Assert.Equal("33", version.Minor);
        Assert.Equal("linux/amd64", version.Platform);
    }

    [Fact]
    public async Task Core_and_group_versions_are_listed()
    {
        using var client = fixture.CreateClient();

        var core = await client.Core.GetAPIVersionsAsync(_ct);
        var groups = await client.Apis.GetAPIVersionsAsync(_ct);
        var apps = await client.Apps.GetAPIGroupAsync(_ct);

        Assert.Equal(["v1"], core.Versions);
        var names = groups.Groups.Select(g => g.Name).ToList();
        Assert.Contains("apps", names);
        Assert.Contains("rbac.authorization.k8s.io", names);
        Assert.Contains("batch", names);
        Assert.Contains("apiextensions.k8s.io", names);
        Assert.Contains("coordination.k8s.io", names);
        Assert.DoesNotContain(string.Empty, names);
        Assert.Equal("apps/v1", apps.PreferredVersion.GroupVersion);
    }

    [Fact]
    public async Task Resource_lists_describe_scope_verbs_and_subresources()
    {
        using var client = fixture.CreateClient();

        var core = await client.CoreV1.GetAPIResourcesAsync(_ct);
        var apps = await client.AppsV1.GetAPIResourcesAsync(_ct);

        Assert.Equal("v1", core.GroupVersion);
        var pods = Assert.Single(core.Resources, r => r.Name == "pods");
        Assert.True(pods.Namespaced);
        Assert.Equal("Pod", pods.Kind);
        Assert.Contains("watch", pods.Verbs);
        Assert.Contains("po", pods.ShortNames);
        Assert.Contains(core.Resources, r => r.Name == "pods/status");
        Assert.Contains(core.Resources, r => r.Name == "pods/log");
        Assert.False(Assert.Single(core.Resources, r => r.Name == "namespaces").Namespaced);
        foreach (var plural in new[] { "services", "configmaps", "secrets", "nodes", "serviceaccounts", "persistentvolumes", "persistentvolumeclaims", "endpoints", "events", "replicationcontrollers" })
        {
            Assert.Contains(core.Resources, r => r.Name == plural);
        }

        Assert.Equal("apps/v1", apps.GroupVersion);
        foreach (var plural in new[] { "deployments", "statefulsets", "daemonsets", "replicasets" })
        {
            Assert.Contains(apps.Resources, r => r.Name == plural && r.Namespaced);
        }
    }
}

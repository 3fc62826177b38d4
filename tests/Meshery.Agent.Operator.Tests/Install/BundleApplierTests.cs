using Meshery.Deploy.Install;
using Meshery.Deploy.Manifests;
using Meshery.Deploy.Kubernetes;
using Meshery.Testing.Kubernetes;

namespace Meshery.Agent.Operator.Tests.Install;

public sealed class BundleApplierTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public void The_bundle_is_ordered_namespace_crds_rbac_agent_then_custom_resources()
    {
        var bundle = InstallBundle.Load(new InstallBundleOptions { AgentImage = "localhost/meshery-agent:test" });
        var kinds = bundle.Documents.Select(d => d.Kind).ToList();
        var agent = bundle.Documents.Single(d => d.Kind == "Deployment");
        var container = agent.Body["spec"]!["template"]!["spec"]!["containers"]![0]!;

        Assert.Equal(
            ["Namespace", "CustomResourceDefinition", "CustomResourceDefinition", "ServiceAccount", "ClusterRole", "ClusterRoleBinding",
             "Role", "RoleBinding", "Deployment", "Service", "Broker", "MeshSync"],
            kinds);
        Assert.Equal("localhost/meshery-agent:test", (string?)container["image"]);
        Assert.Equal("/healthz", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.NotNull(container["resources"]!["limits"]);
        Assert.Equal(9081, (int?)bundle.Documents.Single(d => d.Kind == "Service").Body["spec"]!["ports"]![0]!["port"]);
        Assert.All(bundle.Documents.Where(d => ResourceKind.Of(d.ApiVersion, d.Kind).Namespaced), d => Assert.Equal("meshery", d.Namespace));
        Assert.StartsWith("apiVersion: v1\nkind: Namespace", InstallBundle.ReadYaml(), StringComparison.Ordinal);
        Assert.DoesNotContain(InstallBundle.Load(new() { IncludeDefaultResources = false }).Documents, d => d.Kind is "Broker" or "MeshSync");
    }

    [Fact]
    public async Task Apply_installs_everything_and_a_second_apply_changes_nothing()
    {
        await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: _ct);
        using var client = server.CreateClient();
        var applier = new BundleApplier(client);
        var bundle = InstallBundle.Load();
        var reported = new List<AppliedObject>();

        var first = await applier.ApplyAsync(bundle, new SyncProgress(reported), _ct);
        var second = await applier.ApplyAsync(bundle, null, _ct);
        var rest = new KubeRest(client);
        var live = new List<string>();
        foreach (var document in bundle.Documents)
        {
            live.Add((string?)(await rest.GetAsync(document.Path, _ct))?["metadata"]?["resourceVersion"] ?? "missing");
        }

        Assert.All(first, a => Assert.Equal(ApplyOutcome.Created, a.Outcome));
        Assert.Equal(first, reported);
        Assert.All(second, a => Assert.Equal(ApplyOutcome.Unchanged, a.Outcome));
        Assert.Equal(first.Select(a => a.ResourceVersion), second.Select(a => a.ResourceVersion));
        Assert.Equal(first.Select(a => a.ResourceVersion), live);
    }

    [Fact]
    public async Task Status_reports_each_component_truthfully()
    {
        await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: _ct);
        using var client = server.CreateClient();
        var applier = new BundleApplier(client);
        var bundle = InstallBundle.Load();

        var before = await applier.GetStatusAsync(bundle, _ct);
        await applier.ApplyAsync(bundle, null, _ct);
        var after = await applier.GetStatusAsync(bundle, _ct);
        var rest = new KubeRest(client);
        await rest.MergePatchAsync("apis/apps/v1/namespaces/meshery/deployments/meshery/status",
            new() { ["status"] = new System.Text.Json.Nodes.JsonObject { ["replicas"] = 1, ["readyReplicas"] = 1 } }, "test-kubelet", _ct);
        var running = await applier.GetStatusAsync(bundle, _ct);

        Assert.All(before, s => Assert.Equal(ComponentState.NotDeployed, s.State));
        Assert.False(BundleApplier.IsReady(after));
        Assert.Equal(ComponentState.Deployed, after.Single(s => s.Name == "brokers.meshery.io").State);
        Assert.Equal(ComponentState.Deploying, after.Single(s => s.Kind == "Deployment").State);
        Assert.Equal(ComponentState.Deploying, after.Single(s => s.Kind == "Broker").State);
        Assert.Equal(ComponentState.Running, running.Single(s => s.Kind == "Deployment").State);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Remove_deletes_the_install_and_keeps_the_namespace_when_asked(bool keepNamespace)
    {
        await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: _ct);
        using var client = server.CreateClient();
        var applier = new BundleApplier(client, new BundleApplierOptions { PollInterval = TimeSpan.FromMilliseconds(20) });
        var bundle = InstallBundle.Load();
        await applier.ApplyAsync(bundle, null, _ct);

        var removed = await applier.RemoveAsync(bundle, new BundleRemoveOptions { KeepNamespace = keepNamespace, FinalizerTimeout = TimeSpan.FromSeconds(5) }, _ct);
        var states = await applier.GetStatusAsync(bundle, _ct);

        Assert.Equal(keepNamespace ? bundle.Documents.Count - 1 : bundle.Documents.Count, removed.Count);
        Assert.Equal(keepNamespace ? ComponentState.Deployed : ComponentState.NotDeployed, states.Single(s => s.Kind == "Namespace").State);
        Assert.All(states.Where(s => s.Kind != "Namespace"), s => Assert.Equal(ComponentState.NotDeployed, s.State));
    }

    /// <summary>An IProgress that records on the caller's thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress(List<AppliedObject> sink) : IProgress<AppliedObject>
    {
        public void Report(AppliedObject value) => sink.Add(value);
    }
}

using k8s;
using k8s.Models;
using static Meshery.Testing.Kubernetes.Tests.TestObjects;

namespace Meshery.Testing.Kubernetes.Tests;

[Collection(KubeCollection.Name)]
public sealed class StatusTests(FakeKubeApiServerFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_subresource_changes_only_status_and_main_writes_ignore_status()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        var pod = Pod("p");
        pod.Status = new V1PodStatus { Phase = "Succeeded" };
        var created = await client.CoreV1.CreateNamespacedPodAsync(pod, ns, cancellationToken: _ct);
        var createdPhase = created.Status.Phase;

        created.Status.Phase = "Running";
        created.Metadata.Labels = new Dictionary<string, string> { ["ignored"] = "by-status" };
        var running = await client.CoreV1.ReplaceNamespacedPodStatusAsync(created, "p", ns, cancellationToken: _ct);
        var (runningPhase, runningLabels) = (running.Status.Phase, running.Metadata.Labels);
        running.Status.Phase = "Failed";
        running.Metadata.Labels = new Dictionary<string, string> { ["kept"] = "by-main" };
        var relabelled = await client.CoreV1.ReplaceNamespacedPodAsync(running, "p", ns, cancellationToken: _ct);

        Assert.Equal("Pending", createdPhase);
        Assert.Equal("Running", runningPhase);
        Assert.Null(runningLabels);
        Assert.Equal("Running", relabelled.Status.Phase);
        Assert.Equal("by-main", relabelled.Metadata.Labels["kept"]);
    }

    [Fact]
    public async Task Status_patch_does_not_bump_generation()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("api"), ns, cancellationToken: _ct);

        var patched = await client.AppsV1.PatchNamespacedDeploymentStatusAsync(
            new V1Patch("{\"status\":{\"readyReplicas\":1,\"observedGeneration\":1},\"spec\":{\"replicas\":9}}", V1Patch.PatchType.MergePatch), "api", ns, cancellationToken: _ct);

        Assert.Equal(1, patched.Status.ReadyReplicas);
        Assert.Equal(1, patched.Spec.Replicas);
        Assert.Equal(1, patched.Metadata.Generation);
    }
}

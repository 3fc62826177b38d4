using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using static Meshery.Testing.Kubernetes.Tests.TestObjects;

namespace Meshery.Testing.Kubernetes.Tests;

[Collection(KubeCollection.Name)]
public sealed class ObjectTests(FakeKubeApiServerFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Created_pod_can_be_read_and_listed()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();

        var created = await client.CoreV1.CreateNamespacedPodAsync(Pod("web"), ns, cancellationToken: _ct);
        var read = await client.CoreV1.ReadNamespacedPodAsync("web", ns, cancellationToken: _ct);
        var inNamespace = await client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: _ct);
        var everywhere = await client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: _ct);

        Assert.Equal("v1", created.ApiVersion);
        Assert.Equal("Pod", created.Kind);
        Assert.Equal(ns, created.Metadata.NamespaceProperty);
        Assert.True(Guid.TryParse(created.Metadata.Uid, out _));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal("Pending", created.Status.Phase);
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal("web", Assert.Single(inNamespace.Items).Metadata.Name);
        Assert.Contains(everywhere.Items, p => p.Metadata.NamespaceProperty == ns && p.Metadata.Name == "web");
        Assert.True(Rv(inNamespace) >= Rv(created));
    }

    [Fact]
    public async Task Deployments_bump_generation_only_on_spec_changes()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();

        var created = await client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("api"), ns, cancellationToken: _ct);
        created.Metadata.Labels["team"] = "core";
        var relabelled = await client.AppsV1.ReplaceNamespacedDeploymentAsync(created, "api", ns, cancellationToken: _ct);
        relabelled.Spec.Replicas = 3;
        var scaled = await client.AppsV1.ReplaceNamespacedDeploymentAsync(relabelled, "api", ns, cancellationToken: _ct);
        var listed = await client.AppsV1.ListNamespacedDeploymentAsync(ns, cancellationToken: _ct);

        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal(1, relabelled.Metadata.Generation);
        Assert.Equal(2, scaled.Metadata.Generation);
        Assert.True(Rv(scaled) > Rv(relabelled) && Rv(relabelled) > Rv(created));
        Assert.Equal(3, Assert.Single(listed.Items).Spec.Replicas);
        Assert.Equal("core", listed.Items[0].Metadata.Labels["team"]);
    }

    [Fact]
    public async Task Missing_object_is_404_NotFound()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodAsync("ghost", ns, cancellationToken: _ct));

        Assert.Equal(HttpStatusCode.NotFound, e.Response.StatusCode);
        var status = StatusOf(e);
        Assert.Equal("Status", status.Kind);
        Assert.Equal("Failure", status.Status);
        Assert.Equal("NotFound", status.Reason);
        Assert.Equal(404, status.Code);
        Assert.Equal("pods \"ghost\" not found", status.Message);
    }

    [Fact]
    public async Task Duplicate_create_is_409_AlreadyExists_and_generateName_draws_new_names()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings"), ns, cancellationToken: _ct);

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings"), ns, cancellationToken: _ct));
        var generated = new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "run-" } };
        var first = await client.CoreV1.CreateNamespacedConfigMapAsync(generated, ns, cancellationToken: _ct);
        var second = await client.CoreV1.CreateNamespacedConfigMapAsync(generated, ns, cancellationToken: _ct);

        Assert.Equal(HttpStatusCode.Conflict, e.Response.StatusCode);
        Assert.Equal("AlreadyExists", StatusOf(e).Reason);
        Assert.StartsWith("run-", first.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal(9, first.Metadata.Name.Length);
        Assert.NotEqual(first.Metadata.Name, second.Metadata.Name);
    }

    [Fact]
    public async Task Update_with_a_stale_resourceVersion_is_409_Conflict()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        var original = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cfg"), ns, cancellationToken: _ct);
        original.Data["a"] = "2";
        var updated = await client.CoreV1.ReplaceNamespacedConfigMapAsync(original, "cfg", ns, cancellationToken: _ct);

        original.Data["a"] = "3";
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReplaceNamespacedConfigMapAsync(original, "cfg", ns, cancellationToken: _ct));

        Assert.Equal("2", updated.Data["a"]);
        Assert.Equal(HttpStatusCode.Conflict, e.Response.StatusCode);
        var status = StatusOf(e);
        Assert.Equal("Conflict", status.Reason);
        Assert.Contains("the object has been modified", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_returns_the_object_and_removes_it()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.CoreV1.CreateNamespacedPodAsync(Pod("doomed"), ns, cancellationToken: _ct);

        var deleted = await client.CoreV1.DeleteNamespacedPodAsync("doomed", ns, cancellationToken: _ct);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodAsync("doomed", ns, cancellationToken: _ct));

        Assert.Equal("doomed", deleted.Metadata.Name);
        Assert.Equal(HttpStatusCode.NotFound, e.Response.StatusCode);
    }

    [Fact]
    public async Task Delete_collection_removes_only_matching_objects()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        fixture.Server.PutMany([RawConfigMap(ns, "a1", "a"), RawConfigMap(ns, "a2", "a"), RawConfigMap(ns, "b1", "b")]);

        var status = await client.CoreV1.DeleteCollectionNamespacedConfigMapAsync(ns, labelSelector: "batch=a", cancellationToken: _ct);
        var left = await client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: _ct);

        Assert.Equal("Success", status.Status);
        Assert.Equal("b1", Assert.Single(left.Items).Metadata.Name);
    }

    [Fact]
    public async Task Dry_run_create_answers_without_storing()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();

        var answered = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("dry"), ns, dryRun: "All", cancellationToken: _ct);
        var stored = await client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: _ct);

        Assert.Equal("dry", answered.Metadata.Name);
        Assert.NotNull(answered.Metadata.Uid);
        Assert.Empty(stored.Items);
    }

    [Fact]
    public async Task Create_in_a_missing_namespace_is_404()
    {
        using var client = fixture.CreateClient();

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedPodAsync(Pod("p"), "no-such-ns", cancellationToken: _ct));

        Assert.Equal(HttpStatusCode.NotFound, e.Response.StatusCode);
        Assert.Equal("namespaces \"no-such-ns\" not found", StatusOf(e).Message);
    }

    [Fact]
    public async Task Kube_system_uid_is_the_stable_cluster_id()
    {
        using var client = fixture.CreateClient();

        var kubeSystem = await client.CoreV1.ReadNamespaceAsync("kube-system", cancellationToken: _ct);
        var namespaces = await client.CoreV1.ListNamespaceAsync(cancellationToken: _ct);

        Assert.Equal(fixture.Server.KubeSystemUid, kubeSystem.Metadata.Uid);
        Assert.Contains(namespaces.Items, n => n.Metadata.Name == "default");
    }
}

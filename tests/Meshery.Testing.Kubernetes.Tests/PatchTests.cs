using System.Net;
using System.Net.Http.Headers;
using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;
using static Meshery.Testing.Kubernetes.Tests.TestObjects;

namespace Meshery.Testing.Kubernetes.Tests;

[Collection(KubeCollection.Name)]
public sealed class PatchTests(FakeKubeApiServerFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Merge_patch_sets_and_removes_fields()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cfg", new Dictionary<string, string> { ["a"] = "1", ["b"] = "1" }), ns, cancellationToken: _ct);

        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"data\":{\"a\":null,\"c\":\"3\"},\"metadata\":{\"annotations\":{\"note\":\"x\"}}}", V1Patch.PatchType.MergePatch), "cfg", ns, cancellationToken: _ct);

        Assert.Equal(new Dictionary<string, string> { ["b"] = "1", ["c"] = "3" }, patched.Data);
        Assert.Equal("x", patched.Metadata.Annotations["note"]);
    }

    [Fact]
    public async Task Merge_patch_with_a_stale_resourceVersion_is_409()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cfg"), ns, cancellationToken: _ct);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"a\":\"2\"}}", V1Patch.PatchType.MergePatch), "cfg", ns, cancellationToken: _ct);

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch($"{{\"metadata\":{{\"resourceVersion\":\"{created.Metadata.ResourceVersion}\"}},\"data\":{{\"a\":\"3\"}}}}", V1Patch.PatchType.MergePatch), "cfg", ns, cancellationToken: _ct));

        Assert.Equal(HttpStatusCode.Conflict, e.Response.StatusCode);
    }

    [Fact]
    public async Task Strategic_merge_patch_merges_containers_by_name()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("api"), ns, cancellationToken: _ct);

        var patched = await client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.28\"}]}}}}",
            V1Patch.PatchType.StrategicMergePatch), "api", ns, cancellationToken: _ct);

        Assert.Equal(["app:nginx:1.28", "sidecar:envoy:1.30"], patched.Spec.Template.Spec.Containers.Select(c => $"{c.Name}:{c.Image}"));
        Assert.Equal(2, patched.Metadata.Generation);
    }

    [Fact]
    public async Task Json_patch_applies_operations_and_fails_a_test_with_422()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cfg"), ns, cancellationToken: _ct);

        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(
            "[{\"op\":\"test\",\"path\":\"/data/a\",\"value\":\"1\"},{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"9\"},{\"op\":\"add\",\"path\":\"/data/b~1c\",\"value\":\"x\"}]",
            V1Patch.PatchType.JsonPatch), "cfg", ns, cancellationToken: _ct);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("[{\"op\":\"test\",\"path\":\"/data/a\",\"value\":\"1\"}]", V1Patch.PatchType.JsonPatch), "cfg", ns, cancellationToken: _ct));

        Assert.Equal("9", patched.Data["a"]);
        Assert.Equal("x", patched.Data["b/c"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, e.Response.StatusCode);
    }

    [Fact]
    public async Task Server_side_apply_creates_then_updates_and_records_the_field_manager()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();

        var created = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(Deployment("applied"), V1Patch.PatchType.ApplyPatch), "applied", ns, fieldManager: "meshery", force: true, cancellationToken: _ct);
        var again = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(Deployment("applied"), V1Patch.PatchType.ApplyPatch), "applied", ns, fieldManager: "meshery", force: true, cancellationToken: _ct);
        var scaled = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(Deployment("applied", replicas: 4), V1Patch.PatchType.ApplyPatch), "applied", ns, fieldManager: "meshery", force: true, cancellationToken: _ct);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(Deployment("applied"), V1Patch.PatchType.ApplyPatch), "applied", ns, cancellationToken: _ct));

        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal(created.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
        Assert.Equal(4, scaled.Spec.Replicas);
        Assert.Equal(2, scaled.Metadata.Generation);
        var entry = Assert.Single(scaled.Metadata.ManagedFields);
        Assert.Equal(("meshery", "Apply"), (entry.Manager, entry.Operation));
        Assert.Equal(HttpStatusCode.BadRequest, e.Response.StatusCode);
    }

    [Fact]
    public async Task Server_side_apply_accepts_a_yaml_body()
    {
        var ns = fixture.CreateNamespace();
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Server.Options.BearerToken);
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: from-yaml
              labels:
                managed: "true"
            data:
              replicas: "3"
              enabled: "yes"
            """;

        // KubernetesClient writes a string patch body with WriteRawValue, which rejects YAML, so this uses HTTP directly.
        using var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/apply-patch+yaml");
        using var response = await http.PatchAsync($"api/v1/namespaces/{ns}/configmaps/from-yaml?fieldManager=yaml-test", content, _ct);
        using var client = fixture.CreateClient();
        var stored = await client.CoreV1.ReadNamespacedConfigMapAsync("from-yaml", ns, cancellationToken: _ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("true", stored.Metadata.Labels["managed"]);
        Assert.Equal("3", stored.Data["replicas"]);
    }
}

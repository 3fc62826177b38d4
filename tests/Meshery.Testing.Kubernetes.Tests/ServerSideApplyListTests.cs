using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using static Meshery.Testing.Kubernetes.Tests.TestObjects;

namespace Meshery.Testing.Kubernetes.Tests;

/// <summary>Server-side apply of lists (associative, set, atomic), CRD list types and the status subresource.</summary>
[Collection(KubeCollection.Name)]
public sealed class ServerSideApplyListTests(FakeKubeApiServerFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Containers_env_and_ports_merge_by_key_and_a_dropped_item_is_removed()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        var full = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(Deployment("api"), V1Patch.PatchType.ApplyPatch), "api", ns, fieldManager: "alpha", cancellationToken: _ct);

        var withEnv = await ApplyDeploymentAsync(client, ns, "beta", """[{"name":"app","env":[{"name":"MODE","value":"fast"}],"ports":[{"containerPort":8080}]}]""");
        var dropped = await ApplyDeploymentAsync(client, ns, "alpha", """[{"name":"app","image":"nginx:1.27"}]""", extraSpec: """{"replicas":1,"selector":{"matchLabels":{"app":"api"}}}""");
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => ApplyDeploymentAsync(client, ns, "beta", """[{"name":"app","image":"nginx:2"}]"""));

        Assert.Equal("""{"matchLabels":{"app":"api"}}""", KubernetesJson.Serialize(full.Spec.Selector));
        Assert.Equal("{}", FieldsOf(Entry(full, "alpha"))["f:spec"]!["f:selector"]!.ToJsonString());
        Assert.Equal(["app:nginx:1.27", "sidecar:envoy:1.30"], withEnv.Spec.Template.Spec.Containers.Select(c => $"{c.Name}:{c.Image}"));
        Assert.Equal(("MODE", "fast", 8080), (withEnv.Spec.Template.Spec.Containers[0].Env[0].Name, withEnv.Spec.Template.Spec.Containers[0].Env[0].Value, withEnv.Spec.Template.Spec.Containers[0].Ports[0].ContainerPort));
        AssertFields(
            """{"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{".":{},"f:env":{"k:{\"name\":\"MODE\"}":{".":{},"f:name":{},"f:value":{}}},"f:name":{},"f:ports":{"k:{\"containerPort\":8080,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}}}""",
            Entry(withEnv, "beta"));
        var app = Assert.Single(dropped.Spec.Template.Spec.Containers);
        Assert.Equal(("app", "nginx:1.27", "MODE"), (app.Name, app.Image, Assert.Single(app.Env).Name));
        Assert.Equal(
            "Apply failed with 1 conflict: conflict with \"alpha\": .spec.template.spec.containers[name=\"app\"].image",
            StatusOf(e).Message);
    }

    [Fact]
    public async Task A_strategic_merge_patch_owns_what_it_changes_as_an_Update()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(Deployment("api"), V1Patch.PatchType.ApplyPatch), "api", ns, fieldManager: "alpha", cancellationToken: _ct);

        var scaled = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("{\"spec\":{\"replicas\":3}}", V1Patch.PatchType.StrategicMergePatch), "api", ns, fieldManager: "scaler", cancellationToken: _ct);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(Deployment("api"), V1Patch.PatchType.ApplyPatch), "api", ns, fieldManager: "alpha", cancellationToken: _ct));
        var forced = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(Deployment("api"), V1Patch.PatchType.ApplyPatch), "api", ns, fieldManager: "alpha", force: true, cancellationToken: _ct);

        var scaler = Entry(scaled, "scaler");
        Assert.Equal(("Update", "apps/v1"), (scaler.Operation, scaler.ApiVersion));
        AssertFields("""{"f:spec":{"f:replicas":{}}}""", scaler);
        Assert.Null(FieldsOf(Entry(scaled, "alpha"))["f:spec"]!["f:replicas"]);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"scaler\" using apps/v1: .spec.replicas", StatusOf(e).Message);
        Assert.Equal(1, forced.Spec.Replicas);
        Assert.DoesNotContain(forced.Metadata.ManagedFields, m => m.Manager == "scaler");
    }

    [Fact]
    public async Task Finalizers_are_a_set_each_applier_owning_its_own_values()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();

        await ApplyFinalizersAsync(client, ns, "alpha", "a.example.com/x");
        var both = await ApplyFinalizersAsync(client, ns, "beta", "b.example.com/y");
        var one = await ApplyFinalizersAsync(client, ns, "alpha");

        Assert.Equal(["a.example.com/x", "b.example.com/y"], both.Metadata.Finalizers);
        AssertFields("""{"f:metadata":{"f:finalizers":{"v:\"b.example.com/y\"":{}}}}""", Entry(both, "beta"));
        Assert.Equal(["b.example.com/y"], one.Metadata.Finalizers);
    }

    [Fact]
    public async Task A_CRD_list_map_merges_by_its_declared_keys_and_an_undeclared_list_is_atomic()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        var group = $"{fixture.NextId("g")}.example.com";
        var crd = Crd(group, "gateways", "Gateway");
        crd.Spec.Versions[0].Schema.OpenAPIV3Schema = new V1JSONSchemaProps
        {
            Type = "object",
            Properties = new Dictionary<string, V1JSONSchemaProps>
            {
                ["spec"] = new()
                {
                    Type = "object",
                    Properties = new Dictionary<string, V1JSONSchemaProps>
                    {
                        ["listeners"] = new()
                        {
                            Type = "array",
                            XKubernetesListType = "map",
                            XKubernetesListMapKeys = ["name"],
                            Items = new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true },
                        },
                        ["hosts"] = new() { Type = "array", Items = new V1JSONSchemaProps { Type = "string" } },
                    },
                },
            },
        };
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: _ct);

        await ApplyGatewayAsync(client, group, ns, "alpha", """{"listeners":[{"name":"http","port":80}],"hosts":["a.example.com"]}""");
        var merged = Json(await ApplyGatewayAsync(client, group, ns, "beta", """{"listeners":[{"name":"https","port":443}]}"""));
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => ApplyGatewayAsync(client, group, ns, "beta", """{"hosts":["b.example.com"]}"""));

        Assert.Equal("""[{"name":"http","port":80},{"name":"https","port":443}]""", merged.GetProperty("spec").GetProperty("listeners").GetRawText());
        Assert.Equal("Apply failed with 1 conflict: conflict with \"alpha\": .spec.hosts", StatusOf(e).Message);
    }

    [Fact]
    public async Task Apply_through_the_status_subresource_owns_status_apart_from_the_main_resource()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(Deployment("api"), V1Patch.PatchType.ApplyPatch), "api", ns, fieldManager: "alpha", cancellationToken: _ct);

        var reported = await ApplyStatusAsync(client, ns, """{"replicas":1,"readyReplicas":1}""");
        var withStatus = Deployment("api");
        withStatus.Status = new V1DeploymentStatus { ReadyReplicas = 5 };
        var mainIgnored = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(withStatus, V1Patch.PatchType.ApplyPatch), "api", ns, fieldManager: "alpha", cancellationToken: _ct);
        var dropped = await ApplyStatusAsync(client, ns, """{"replicas":1}""");

        var controller = Entry(reported, "controller");
        Assert.Equal(("Apply", "status"), (controller.Operation, controller.Subresource));
        AssertFields("""{"f:status":{"f:readyReplicas":{},"f:replicas":{}}}""", controller);
        Assert.Equal(1, mainIgnored.Status.ReadyReplicas);
        Assert.Null(FieldsOf(Entry(mainIgnored, "alpha"))["f:status"]);
        Assert.Null(dropped.Status.ReadyReplicas);
        Assert.Equal(1, dropped.Status.Replicas);
        Assert.Equal(1, dropped.Metadata.Generation);
    }

    [Fact]
    public async Task An_associative_list_item_without_its_key_or_with_a_duplicate_key_is_invalid()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();

        var keyless = await Assert.ThrowsAsync<HttpOperationException>(() => ApplyDeploymentAsync(client, ns, "alpha", """[{"image":"nginx:1.27"}]"""));
        var twice = await Assert.ThrowsAsync<HttpOperationException>(() => ApplyDeploymentAsync(client, ns, "alpha", """[{"name":"app"},{"name":"app"}]"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, keyless.Response.StatusCode);
        Assert.Contains(".spec.template.spec.containers: associative list with keys has an element that omits key field \"name\"", StatusOf(keyless).Message, StringComparison.Ordinal);
        Assert.Contains("duplicate entries for key [name=\"app\"]", StatusOf(twice).Message, StringComparison.Ordinal);
        Assert.Null(fixture.Server.Find("deployments.apps", ns, "api"));
    }

    private Task<V1Deployment> ApplyDeploymentAsync(k8s.Kubernetes client, string ns, string manager, string containers, string? extraSpec = null)
    {
        var spec = extraSpec is null ? new JsonObject() : JsonNode.Parse(extraSpec)!.AsObject();
        spec["template"] = new JsonObject { ["spec"] = new JsonObject { ["containers"] = JsonNode.Parse(containers) } };
        var config = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = "api" },
            ["spec"] = spec,
        };
        return client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(config.ToJsonString(), V1Patch.PatchType.ApplyPatch), "api", ns, fieldManager: manager, cancellationToken: _ct);
    }

    private Task<V1Deployment> ApplyStatusAsync(k8s.Kubernetes client, string ns, string status) =>
        client.AppsV1.PatchNamespacedDeploymentStatusAsync(
            new V1Patch($$"""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api"},"status":{{status}}}""", V1Patch.PatchType.ApplyPatch),
            "api", ns, fieldManager: "controller", cancellationToken: _ct);

    private Task<V1ConfigMap> ApplyFinalizersAsync(k8s.Kubernetes client, string ns, string manager, params string[] finalizers)
    {
        var config = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "cfg", Finalizers = finalizers } };
        return client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "cfg", ns, fieldManager: manager, cancellationToken: _ct);
    }

    private Task<object> ApplyGatewayAsync(k8s.Kubernetes client, string group, string ns, string manager, string spec) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch($$"""{"apiVersion":"{{group}}/v1","kind":"Gateway","metadata":{"name":"gw"},"spec":{{spec}}}""", V1Patch.PatchType.ApplyPatch),
            group, "v1", ns, "gateways", "gw", fieldManager: manager, cancellationToken: _ct);

    private static JsonNode FieldsOf(V1ManagedFieldsEntry entry) => JsonNode.Parse(KubernetesJson.Serialize(entry.FieldsV1))!;
}

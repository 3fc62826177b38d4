using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using static Meshery.Testing.Kubernetes.Tests.TestObjects;

namespace Meshery.Testing.Kubernetes.Tests;

/// <summary>Server-side apply field ownership and conflicts, through KubernetesClient.</summary>
[Collection(KubeCollection.Name)]
public sealed class ServerSideApplyTests(FakeKubeApiServerFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Apply_records_the_fields_it_owns_as_FieldsV1()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();

        var applied = await ApplyAsync(client, ns, "alpha", data: new() { ["a"] = "1" }, labels: new() { ["app"] = "x" });

        var entry = Assert.Single(applied.Metadata.ManagedFields);
        Assert.Equal(("alpha", "Apply", "v1", "FieldsV1", null), (entry.Manager, entry.Operation, entry.ApiVersion, entry.FieldsType, entry.Subresource));
        Assert.NotNull(entry.Time);
        AssertFields("""{"f:data":{"f:a":{}},"f:metadata":{"f:labels":{"f:app":{}}}}""", entry);
    }

    [Fact]
    public async Task Applying_another_managers_field_with_a_new_value_is_409_naming_field_and_manager()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await ApplyAsync(client, ns, "alpha", data: new() { ["a"] = "1", ["b"] = "2" });

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => ApplyAsync(client, ns, "beta", data: new() { ["a"] = "9", ["c"] = "3" }));
        var two = await Assert.ThrowsAsync<HttpOperationException>(() => ApplyAsync(client, ns, "beta", data: new() { ["a"] = "9", ["b"] = "8" }));
        var stored = await client.CoreV1.ReadNamespacedConfigMapAsync("cfg", ns, cancellationToken: _ct);

        Assert.Equal(HttpStatusCode.Conflict, e.Response.StatusCode);
        var status = StatusOf(e);
        Assert.Equal(("Conflict", 409), (status.Reason, status.Code));
        Assert.Equal("Apply failed with 1 conflict: conflict with \"alpha\": .data.a", status.Message);
        var cause = Assert.Single(status.Details.Causes);
        Assert.Equal(("FieldManagerConflict", "conflict with \"alpha\"", ".data.a"), (cause.Reason, cause.Message, cause.Field));
        Assert.Equal("Apply failed with 2 conflicts: conflicts with \"alpha\":\n- .data.a\n- .data.b", StatusOf(two).Message);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, stored.Data);
    }

    [Fact]
    public async Task A_forced_apply_takes_the_field_over()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await ApplyAsync(client, ns, "alpha", data: new() { ["a"] = "1", ["b"] = "2" });

        var forced = await ApplyAsync(client, ns, "beta", data: new() { ["a"] = "9" }, force: true);

        Assert.Equal("9", forced.Data["a"]);
        AssertFields("""{"f:data":{"f:b":{}}}""", Entry(forced, "alpha"));
        AssertFields("""{"f:data":{"f:a":{}}}""", Entry(forced, "beta"));
    }

    [Fact]
    public async Task Applying_the_same_value_shares_ownership_and_the_field_outlives_one_owner()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await ApplyAsync(client, ns, "alpha", data: new() { ["a"] = "1", ["b"] = "2" });

        var shared = await ApplyAsync(client, ns, "beta", data: new() { ["a"] = "1" });
        var alphaLetGo = await ApplyAsync(client, ns, "alpha", data: new() { ["b"] = "2" });
        var betaLetGo = await ApplyAsync(client, ns, "beta", data: new() { ["c"] = "3" });

        AssertFields("""{"f:data":{"f:a":{},"f:b":{}}}""", Entry(shared, "alpha"));
        AssertFields("""{"f:data":{"f:a":{}}}""", Entry(shared, "beta"));
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, alphaLetGo.Data);
        Assert.Equal(new Dictionary<string, string> { ["b"] = "2", ["c"] = "3" }, betaLetGo.Data);
    }

    [Fact]
    public async Task A_field_dropped_from_the_configuration_is_removed_but_unowned_fields_stay()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await ApplyAsync(client, ns, "alpha", data: new() { ["a"] = "1", ["b"] = "2" }, labels: new() { ["tier"] = "web" });
        fixture.Server.Put(Stored(fixture.Server.Find("configmaps", ns, "cfg")!, data => data["unowned"] = "kept"));

        var dropped = await ApplyAsync(client, ns, "alpha", data: new() { ["a"] = "1" });

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["unowned"] = "kept" }, dropped.Data);
        Assert.Null(dropped.Metadata.Labels);
        AssertFields("""{"f:data":{"f:a":{}}}""", Assert.Single(dropped.Metadata.ManagedFields));
    }

    [Fact]
    public async Task Updates_with_a_field_manager_take_the_fields_they_change_and_an_apply_then_conflicts()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await ApplyAsync(client, ns, "alpha", data: new() { ["a"] = "1", ["b"] = "2" });

        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"data\":{\"a\":\"5\",\"c\":\"3\"}}", V1Patch.PatchType.MergePatch), "cfg", ns, fieldManager: "editor", cancellationToken: _ct);
        patched.Data["b"] = "7";
        var replaced = await client.CoreV1.ReplaceNamespacedConfigMapAsync(patched, "cfg", ns, fieldManager: "editor", cancellationToken: _ct);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => ApplyAsync(client, ns, "alpha", data: new() { ["a"] = "1", ["b"] = "2" }));

        var editor = Entry(patched, "editor");
        Assert.Equal(("Update", "v1"), (editor.Operation, editor.ApiVersion));
        AssertFields("""{"f:data":{"f:a":{},"f:c":{}}}""", editor);
        AssertFields("""{"f:data":{"f:b":{}}}""", Entry(patched, "alpha"));
        AssertFields("""{"f:data":{"f:a":{},"f:b":{},"f:c":{}}}""", Assert.Single(replaced.Metadata.ManagedFields));
        Assert.Equal("Apply failed with 2 conflicts: conflicts with \"editor\" using v1:\n- .data.a\n- .data.b", StatusOf(e).Message);
        Assert.All(StatusOf(e).Details.Causes, c => Assert.Equal("conflict with \"editor\" using v1", c.Message));
    }

    [Fact]
    public async Task Putting_back_an_object_as_read_changes_neither_it_nor_its_owners()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        var applied = await ApplyAsync(client, ns, "alpha", data: new() { ["a"] = "1" });

        var put = await client.CoreV1.ReplaceNamespacedConfigMapAsync(applied, "cfg", ns, fieldManager: "editor", cancellationToken: _ct);

        Assert.Equal(applied.Metadata.ResourceVersion, put.Metadata.ResourceVersion);
        Assert.Equal(KubernetesJson.Serialize(applied.Metadata.ManagedFields), KubernetesJson.Serialize(put.Metadata.ManagedFields));
    }

    [Fact]
    public async Task A_create_with_a_field_manager_records_an_Update_entry_and_one_without_records_none()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();

        var managed = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("managed"), ns, fieldManager: "creator", cancellationToken: _ct);
        var unmanaged = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("unmanaged"), ns, cancellationToken: _ct);
        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"data\":{\"b\":\"2\"}}", V1Patch.PatchType.MergePatch), "unmanaged", ns, cancellationToken: _ct);

        var entry = Assert.Single(managed.Metadata.ManagedFields);
        Assert.Equal(("creator", "Update"), (entry.Manager, entry.Operation));
        AssertFields("""{"f:data":{".":{},"f:a":{}}}""", entry);
        Assert.Null(unmanaged.Metadata.ManagedFields);
        Assert.Null(patched.Metadata.ManagedFields);
    }

    [Fact]
    public async Task Applying_to_an_object_nobody_owned_conflicts_with_before_first_apply()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cfg"), ns, cancellationToken: _ct);

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => ApplyAsync(client, ns, "alpha", data: new() { ["a"] = "2" }));
        var same = await ApplyAsync(client, ns, "alpha", data: new() { ["a"] = "1" });

        Assert.Equal("Apply failed with 1 conflict: conflict with \"before-first-apply\" using v1: .data.a", StatusOf(e).Message);
        AssertFields("""{"f:data":{".":{},"f:a":{}}}""", Entry(same, "before-first-apply"));
        AssertFields("""{"f:data":{"f:a":{}}}""", Entry(same, "alpha"));
    }

    [Fact]
    public async Task A_write_without_a_field_manager_to_an_owned_object_is_recorded_under_the_user_agent()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await ApplyAsync(client, ns, "alpha", data: new() { ["a"] = "1", ["b"] = "2" });

        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"data\":{\"a\":\"5\"}}", V1Patch.PatchType.MergePatch), "cfg", ns, cancellationToken: _ct);

        AssertFields("""{"f:data":{"f:a":{}}}""", Entry(patched, "kubernetes-csharp"));
        AssertFields("""{"f:data":{"f:b":{}}}""", Entry(patched, "alpha"));
    }

    [Fact]
    public async Task Managed_fields_can_be_reset_with_one_empty_entry_an_apply_may_not_carry_them_and_only_an_apply_may_force()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await ApplyAsync(client, ns, "alpha", data: new() { ["a"] = "1" });

        var reset = await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"metadata\":{\"managedFields\":[{}]}}", V1Patch.PatchType.MergePatch), "cfg", ns, cancellationToken: _ct);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"managedFields\":[{}]}}", V1Patch.PatchType.ApplyPatch), "cfg", ns, fieldManager: "alpha", cancellationToken: _ct));

        var forcedMerge = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"data\":{\"a\":\"2\"}}", V1Patch.PatchType.MergePatch), "cfg", ns, fieldManager: "alpha", force: true, cancellationToken: _ct));

        Assert.Null(reset.Metadata.ManagedFields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forcedMerge.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, e.Response.StatusCode);
        Assert.Equal("metadata.managedFields must be nil", StatusOf(e).Message);
    }

    private Task<V1ConfigMap> ApplyAsync(k8s.Kubernetes client, string ns, string manager, Dictionary<string, string> data, Dictionary<string, string>? labels = null, bool force = false)
    {
        var config = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = "cfg", Labels = labels },
            Data = data,
        };
        return client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "cfg", ns, fieldManager: manager, force: force, cancellationToken: _ct);
    }

    private static JsonObject Stored(JsonObject obj, Action<JsonObject> changeData)
    {
        changeData((JsonObject)obj["data"]!);
        return obj;
    }
}

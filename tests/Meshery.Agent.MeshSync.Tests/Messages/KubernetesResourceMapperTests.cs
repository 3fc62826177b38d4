using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.MeshSync.Tests.Messages;

public sealed class KubernetesResourceMapperTests
{
    private const string ClusterId = "8f0c2c1e-1111-2222-3333-444455556666";

    [Fact]
    public void Resource_keys_are_upstreams_in_order_and_always_present_ones_are_written()
    {
        var resource = KubernetesResourceMapper.FromObject(SampleDeployment(), ClusterId);
        var json = Serialize(MeshSyncMessage.Data(MeshSyncEventTypes.Added, resource));

        var root = json.RootElement;
        Assert.Equal(["ObjectType", "EventType", "Request", "Object"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("meshsync-data", root.GetProperty("ObjectType").GetString());
        Assert.Equal("ADDED", root.GetProperty("EventType").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("Request").ValueKind);
        var obj = root.GetProperty("Object");
        Assert.Equal(
            ["id", "apiVersion", "kind", "model", "metadata", "spec", "status", "cluster_id", "pattern_resource", "component_metadata"],
            obj.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, obj.GetProperty("model").ValueKind);
        Assert.Equal(JsonValueKind.Null, obj.GetProperty("pattern_resource").ValueKind);
        Assert.Equal(JsonValueKind.Null, obj.GetProperty("component_metadata").ValueKind);
        Assert.Equal("apps/v1", obj.GetProperty("apiVersion").GetString());
        Assert.Equal("Deployment", obj.GetProperty("kind").GetString());
        Assert.Equal(ClusterId, obj.GetProperty("cluster_id").GetString());
    }

    [Fact]
    public void Id_is_base64_of_cluster_kind_apiVersion_namespace_name_and_is_copied_everywhere()
    {
        var resource = KubernetesResourceMapper.FromObject(SampleDeployment(), ClusterId);
        var obj = Serialize(resource).RootElement;

        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClusterId}.Deployment.apps/v1.shop.web"));
        Assert.Equal(expected, obj.GetProperty("id").GetString());
        Assert.Equal(expected, obj.GetProperty("metadata").GetProperty("id").GetString());
        Assert.Equal(expected, obj.GetProperty("spec").GetProperty("id").GetString());
        Assert.Equal(expected, obj.GetProperty("status").GetProperty("id").GetString());
        Assert.All(obj.GetProperty("metadata").GetProperty("labels").EnumerateArray(), l => Assert.Equal(expected, l.GetProperty("id").GetString()));
        Assert.All(obj.GetProperty("metadata").GetProperty("annotations").EnumerateArray(), a => Assert.Equal(expected, a.GetProperty("id").GetString()));
    }

    [Fact]
    public void Cluster_scoped_object_has_an_empty_namespace_segment_and_no_namespace_key()
    {
        var node = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject { ["name"] = "n1", ["uid"] = "u-n1", ["resourceVersion"] = "7" },
        };

        var obj = Serialize(KubernetesResourceMapper.FromObject(node, ClusterId)).RootElement;

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClusterId}.Node.v1..n1")), obj.GetProperty("id").GetString());
        Assert.False(obj.GetProperty("metadata").TryGetProperty("namespace", out _));
        Assert.False(obj.TryGetProperty("spec", out _));
        Assert.False(obj.TryGetProperty("status", out _));
    }

    [Fact]
    public void Metadata_has_upstreams_keys_with_raw_json_text_for_lists()
    {
        var meta = Serialize(KubernetesResourceMapper.FromObject(SampleDeployment(), ClusterId)).RootElement.GetProperty("metadata");

        Assert.Equal(
            ["id", "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
             "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
             "clusterName", "managedFields", "cluster_id"],
            meta.EnumerateObject().Select(p => p.Name));
        Assert.Equal("web", meta.GetProperty("name").GetString());
        Assert.Equal("web-", meta.GetProperty("generateName").GetString());
        Assert.Equal("shop", meta.GetProperty("namespace").GetString());
        Assert.Equal("/apis/apps/v1/namespaces/shop/deployments/web", meta.GetProperty("selfLink").GetString());
        Assert.Equal("uid-web", meta.GetProperty("uid").GetString());
        Assert.Equal("42", meta.GetProperty("resourceVersion").GetString());
        Assert.Equal(3, meta.GetProperty("generation").GetInt64());
        Assert.Equal("2024-01-02T03:04:05Z", meta.GetProperty("creationTimestamp").GetString());
        Assert.Equal("2024-02-02T03:04:05Z", meta.GetProperty("deletionTimestamp").GetString());
        Assert.Equal(30, meta.GetProperty("deletionGracePeriodSeconds").GetInt64());
        Assert.Equal("c1", meta.GetProperty("clusterName").GetString());
        Assert.Equal(ClusterId, meta.GetProperty("cluster_id").GetString());
        var owners = JsonDocument.Parse(meta.GetProperty("ownerReferences").GetString()!).RootElement;
        Assert.Equal("rs-1", owners[0].GetProperty("name").GetString());
        Assert.Equal(["example.com/keep"], JsonDocument.Parse(meta.GetProperty("finalizers").GetString()!).RootElement.EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("kubectl", JsonDocument.Parse(meta.GetProperty("managedFields").GetString()!).RootElement[0].GetProperty("manager").GetString());
    }

    [Fact]
    public void Labels_and_annotations_are_key_value_items_with_kind_and_stable_unique_id()
    {
        var first = Serialize(KubernetesResourceMapper.FromObject(SampleDeployment(), ClusterId)).RootElement.GetProperty("metadata");
        var second = Serialize(KubernetesResourceMapper.FromObject(SampleDeployment(), ClusterId)).RootElement.GetProperty("metadata");

        var label = first.GetProperty("labels")[0];
        Assert.Equal(["id", "unique_id", "kind", "key", "value"], label.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("label", "app", "web"), (label.GetProperty("kind").GetString(), label.GetProperty("key").GetString(), label.GetProperty("value").GetString()));
        var annotation = first.GetProperty("annotations")[0];
        Assert.Equal(("annotation", "note", "hello"), (annotation.GetProperty("kind").GetString(), annotation.GetProperty("key").GetString(), annotation.GetProperty("value").GetString()));
        Assert.True(Guid.TryParse(label.GetProperty("unique_id").GetString(), out _));
        Assert.NotEqual(label.GetProperty("unique_id").GetString(), first.GetProperty("labels")[1].GetProperty("unique_id").GetString());
        Assert.Equal(label.GetProperty("unique_id").GetString(), second.GetProperty("labels")[0].GetProperty("unique_id").GetString());
        Assert.Equal(2, first.GetProperty("labels").GetArrayLength());
    }

    [Fact]
    public void Spec_and_status_are_id_and_raw_attribute_text()
    {
        var obj = Serialize(KubernetesResourceMapper.FromObject(SampleDeployment(), ClusterId)).RootElement;

        var spec = obj.GetProperty("spec");
        Assert.Equal(["id", "attribute"], spec.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, JsonDocument.Parse(spec.GetProperty("attribute").GetString()!).RootElement.GetProperty("replicas").GetInt32());
        Assert.Equal(2, JsonDocument.Parse(obj.GetProperty("status").GetProperty("attribute").GetString()!).RootElement.GetProperty("readyReplicas").GetInt32());
    }

    [Fact]
    public void Secondary_fields_of_a_secret_are_raw_text_and_left_out_when_absent()
    {
        var secret = Secret();

        var plain = Serialize(KubernetesResourceMapper.FromObject(secret, ClusterId)).RootElement;
        var redacted = Serialize(KubernetesResourceMapper.FromObject(secret, ClusterId, redactSecrets: true)).RootElement;
        var deployment = Serialize(KubernetesResourceMapper.FromObject(SampleDeployment(), ClusterId)).RootElement;

        Assert.Equal("true", plain.GetProperty("immutable").GetString());
        Assert.Equal("Opaque", plain.GetProperty("type").GetString());
        Assert.Equal("c2VjcmV0", JsonDocument.Parse(plain.GetProperty("data").GetString()!).RootElement.GetProperty("password").GetString());
        Assert.Equal("plain", JsonDocument.Parse(plain.GetProperty("stringData").GetString()!).RootElement.GetProperty("token").GetString());
        Assert.Equal(KubernetesResourceMapper.RedactedValue, JsonDocument.Parse(redacted.GetProperty("data").GetString()!).RootElement.GetProperty("password").GetString());
        Assert.Equal(KubernetesResourceMapper.RedactedValue, JsonDocument.Parse(redacted.GetProperty("stringData").GetString()!).RootElement.GetProperty("token").GetString());
        Assert.DoesNotContain("c2VjcmV0", redacted.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("plain", redacted.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("Opaque", redacted.GetProperty("type").GetString());
        foreach (var key in new[] { "immutable", "data", "binaryData", "stringData", "type" })
        {
            Assert.False(deployment.TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public void Store_batch_has_empty_types_and_an_array_object()
    {
        var resource = KubernetesResourceMapper.FromObject(SampleDeployment(), ClusterId);

        var root = Serialize(MeshSyncMessage.StoreBatch([resource, resource])).RootElement;

        Assert.Equal("", root.GetProperty("ObjectType").GetString());
        Assert.Equal("", root.GetProperty("EventType").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("Request").ValueKind);
        Assert.Equal(2, root.GetProperty("Object").GetArrayLength());
    }

    [Fact]
    public void Requests_decode_case_insensitively_like_gos_decoder()
    {
        var message = JsonSerializer.Deserialize(
            """{"objectType":"request-payload","EventType":"","Request":{"entity":"informer-store","Payload":{"reply":"meshery-server.meshsync.store"}}}""",
            MeshSyncJsonContext.Default.MeshSyncMessageNullableJsonElement)!;
        var payload = message.Request!.Payload!.Value.Deserialize(MeshSyncJsonContext.Default.InformerStoreRequest)!;

        Assert.Equal("request-payload", message.ObjectType);
        Assert.Equal(MeshSyncRequestEntities.InformerStore, message.Request.Entity);
        Assert.Equal(MeshSyncSubjects.ServerStoreReply, payload.Reply);
    }

    [Theory]
    [InlineData("deployments.v1.apps", "deployments", "v1", "apps", "apps/v1", "/apis/apps/v1/deployments")]
    [InlineData("pods.v1.", "pods", "v1", "", "v1", "/api/v1/pods")]
    [InlineData("widgets.v1beta1.example.com", "widgets", "v1beta1", "example.com", "example.com/v1beta1", "/apis/example.com/v1beta1/widgets")]
    public void Resource_keys_parse_and_print(string text, string plural, string version, string group, string apiVersion, string path)
    {
        var key = ResourceKey.Parse(text);

        Assert.Equal((plural, version, group), (key.Plural, key.Version, key.Group));
        Assert.Equal(apiVersion, key.ApiVersion);
        Assert.Equal(path, key.CollectionPath);
        Assert.Equal(text, key.ToString());
        Assert.Equal(key, ResourceKey.From(plural, apiVersion));
    }

    private static JsonDocument Serialize<T>(T value) =>
        JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(value, typeof(T), MeshSyncJsonContext.Default));

    private static JsonObject SampleDeployment() => JsonNode.Parse("""
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": {
            "name": "web", "generateName": "web-", "namespace": "shop",
            "selfLink": "/apis/apps/v1/namespaces/shop/deployments/web",
            "uid": "uid-web", "resourceVersion": "42", "generation": 3,
            "creationTimestamp": "2024-01-02T03:04:05Z", "deletionTimestamp": "2024-02-02T03:04:05Z",
            "deletionGracePeriodSeconds": 30,
            "labels": { "app": "web", "tier": "front" },
            "annotations": { "note": "hello" },
            "ownerReferences": [ { "apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "rs-1", "uid": "u-rs" } ],
            "finalizers": [ "example.com/keep" ],
            "clusterName": "c1",
            "managedFields": [ { "manager": "kubectl", "operation": "Apply" } ]
          },
          "spec": { "replicas": 3 },
          "status": { "readyReplicas": 2 }
        }
        """)!.AsObject();

    private static JsonObject Secret() => JsonNode.Parse("""
        {
          "apiVersion": "v1", "kind": "Secret",
          "metadata": { "name": "db", "namespace": "shop", "uid": "u-db", "resourceVersion": "5" },
          "immutable": true, "type": "Opaque",
          "data": { "password": "c2VjcmV0" },
          "stringData": { "token": "plain" }
        }
        """)!.AsObject();
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.ClusterCache;
using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.Tests.ClusterCache;

/// <summary>
/// The cache's one-pass reader of MeshSync envelopes: what MeshSync's own serializer writes comes back as the
/// row the cache stores (the object byte for byte), and the envelope's looser forms (other key case and order,
/// repeated keys, escapes) read as the envelope's serializer and Go's encoding/json read them.
/// </summary>
public sealed class MeshSyncMessageDecoderTests
{
    private const string ClusterId = "3f0c9b8e-1d2a-4c5b-9e7f-0a1b2c3d4e5f";

    [Fact]
    public void An_event_written_by_MeshSync_reads_back_as_its_row_with_the_object_byte_for_byte()
    {
        var resource = KubernetesResourceMapper.FromObject(ConfigMap("web-config", "shop", "42", ("app", "web"), ("tier", "front")), ClusterId);
        var objectBytes = JsonSerializer.SerializeToUtf8Bytes(resource, MeshSyncJsonContext.Default.KubernetesResource);
        var message = JsonSerializer.SerializeToUtf8Bytes(
            MeshSyncMessage.Data(MeshSyncEventTypes.Modified, resource), MeshSyncJsonContext.Default.MeshSyncMessageKubernetesResource);

        var (eventType, row) = MeshSyncMessageDecoder.DecodeEvent(message)!.Value;

        Assert.Equal(MeshSyncEventTypes.Modified, eventType);
        Assert.Equal(resource.Id, row.Id);
        Assert.Equal(ClusterId, row.ClusterId);
        Assert.Equal("ConfigMap", row.Kind);
        Assert.Equal("v1", row.ApiVersion);
        Assert.Equal("shop", row.Namespace);
        Assert.Equal("web-config", row.Name);
        Assert.Equal("42", row.ResourceVersion);
        Assert.Equal(42, row.ResourceVersionNumber);
        Assert.Equal([new("app", "web"), new("tier", "front")], row.Labels);
        Assert.Equal(objectBytes, row.Object);
    }

    [Fact]
    public void Envelope_keys_match_in_any_case_and_order_and_the_object_keeps_its_own_spacing()
    {
        const string obj = """{ "kind" : "Pod", "id":"abc", "apiVersion":"v1", "metadata": {"name":"p","namespace":"ns","resourceVersion":"7","cluster_id":"c1"} }""";
        var message = $$"""  { "object" : {{obj}}, "REQUEST": {"entity":"x"}, "eventtype":"ADDED", "objectType":"meshsync-data" }  """;

        var (eventType, row) = MeshSyncMessageDecoder.DecodeEvent(Encoding.UTF8.GetBytes(message))!.Value;

        Assert.Equal(MeshSyncEventTypes.Added, eventType);
        Assert.Equal("abc", row.Id);
        Assert.Equal("c1", row.ClusterId);
        Assert.Equal("Pod", row.Kind);
        Assert.Equal("p", row.Name);
        Assert.Equal(obj, Encoding.UTF8.GetString(row.Object));
    }

    [Fact]
    public void A_repeated_key_counts_by_its_last_occurrence_and_a_repeated_label_by_its_first()
    {
        const string message = """
            {"ObjectType":"meshsync-data","EventType":"DELETED","Object":{"id":"x","kind":"Pod","kind":"Service","cluster_id":"c",
             "metadata":{"name":"old","namespace":"gone"},
             "metadata":{"name":"new","resourceVersion":"9","labels":[
                {"kind":"label","key":"app","value":"one"},
                {"kind":"label","key":"app","value":"two"},
                {"kind":"annotation","key":"note","value":"skipped"},
                {"key":"plain","value":"caf\u00e9"},
                {"kind":"label","key":"nullvalue","value":null},
                "not an object",
                {"kind":"label","value":"no key"}]}}}
            """;

        var (eventType, row) = MeshSyncMessageDecoder.DecodeEvent(Encoding.UTF8.GetBytes(message))!.Value;

        Assert.Equal(MeshSyncEventTypes.Deleted, eventType);
        Assert.Equal("Service", row.Kind);
        Assert.Equal("new", row.Name);
        Assert.Equal(string.Empty, row.Namespace);
        Assert.Equal("9", row.ResourceVersion);
        Assert.Equal([new("app", "one"), new("plain", "café"), new("nullvalue", string.Empty)], row.Labels);
    }

    [Theory]
    [InlineData("""{"ObjectType":"log-stream","EventType":"ADDED","Object":{"id":"x"}}""")]
    [InlineData("""{"ObjectType":"meshsync-data","EventType":"ERROR","Object":{"id":"x"}}""")]
    [InlineData("""{"ObjectType":"meshsync-data","EventType":"ADDED","Object":[{"id":"x"}]}""")]
    [InlineData("""{"ObjectType":"meshsync-data","EventType":"ADDED","Object":null}""")]
    [InlineData("""{"ObjectType":"meshsync-data","EventType":"ADDED","Object":{"id":"x"},"Object":"replaced"}""")]
    [InlineData("""{"ObjectType":"meshsync-data","EventType":"ADDED"}""")]
    [InlineData("null")]
    public void Messages_that_are_not_resource_events_are_passed_over(string message) =>
        Assert.Null(MeshSyncMessageDecoder.DecodeEvent(Encoding.UTF8.GetBytes(message)));

    [Theory]
    [InlineData("")]
    [InlineData("{\"ObjectType\":\"meshsync-data\",")]
    [InlineData("""{"ObjectType":"meshsync-data","EventType":"ADDED","Object":{"kind":"Pod"}}""")]
    [InlineData("""{"ObjectType":"meshsync-data","EventType":"ADDED","Object":{"id":""}}""")]
    [InlineData("""{"ObjectType":7,"EventType":"ADDED","Object":{"id":"x"}}""")]
    [InlineData("""{"ObjectType":"meshsync-data","EventType":"ADDED","Object":{"id":"x"}} {}""")]
    [InlineData("""[{"id":"x"}]""")]
    public void Malformed_messages_are_refused_with_a_json_error(string message) =>
        Assert.ThrowsAny<JsonException>(() => MeshSyncMessageDecoder.DecodeEvent(Encoding.UTF8.GetBytes(message)));

    [Fact]
    public void A_store_batch_yields_every_object_and_skips_other_items()
    {
        var first = KubernetesResourceMapper.FromObject(ConfigMap("a", "ns1", "1"), ClusterId);
        var second = KubernetesResourceMapper.FromObject(ConfigMap("b", "ns2", "2", ("k", "v")), ClusterId);
        var batch = JsonSerializer.SerializeToUtf8Bytes(
            MeshSyncMessage.StoreBatch([first, second]), MeshSyncJsonContext.Default.MeshSyncMessageIReadOnlyListKubernetesResource);

        var rows = MeshSyncMessageDecoder.DecodeStoreBatch(batch);

        Assert.Equal([first.Id, second.Id], rows.Select(r => r.Id));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(second, MeshSyncJsonContext.Default.KubernetesResource), rows[1].Object);
        Assert.Equal([new("k", "v")], rows[1].Labels);

        var mixed = MeshSyncMessageDecoder.DecodeStoreBatch("""{"ObjectType":"","EventType":"","Request":null,"Object":[1,{"id":"y","kind":"Pod"},null]}"""u8);
        Assert.Equal("y", Assert.Single(mixed).Id);
        Assert.Equal("x", Assert.Single(MeshSyncMessageDecoder.DecodeStoreBatch("""{"Object":{"id":"x"}}"""u8)).Id);
        Assert.Empty(MeshSyncMessageDecoder.DecodeStoreBatch("""{"Object":null}"""u8));
    }

    [Fact]
    public void A_single_resource_reads_as_a_row_and_refuses_anything_else() =>
        Assert.Multiple(
            () => Assert.Equal("x", MeshSyncMessageDecoder.ToRow("""{"id":"x","metadata":null}"""u8).Id),
            () => Assert.ThrowsAny<JsonException>(() => MeshSyncMessageDecoder.ToRow("""["x"]"""u8)),
            () => Assert.ThrowsAny<JsonException>(() => MeshSyncMessageDecoder.ToRow("""{"id":"x"} 1"""u8)));

    private static JsonObject ConfigMap(string name, string ns, string resourceVersion, params (string Key, string Value)[] labels)
    {
        var labelObject = new JsonObject();
        foreach (var (key, value) in labels)
        {
            labelObject[key] = value;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["uid"] = Guid.NewGuid().ToString(),
                ["resourceVersion"] = resourceVersion,
                ["labels"] = labelObject,
                ["annotations"] = new JsonObject { ["owner"] = "team-a" },
            },
            ["data"] = new JsonObject { ["key"] = "value \"quoted\" \u00e9" },
        };
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.MeshSync.Messages;
using Meshery.Agent.MeshSync.Publishing;

namespace Meshery.Agent.MeshSync.Tests.Publishing;

public sealed class MessageEnvelopeTests
{
    private static readonly KubernetesResource Resource = KubernetesResourceMapper.FromObject(
        new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "c", ["namespace"] = "d", ["uid"] = "u", ["resourceVersion"] = "1" },
            ["data"] = new JsonObject { ["k"] = "v" },
        },
        "cluster");

    [Theory]
    [InlineData(MeshSyncEventTypes.Added)]
    [InlineData(MeshSyncEventTypes.Modified)]
    [InlineData(MeshSyncEventTypes.Deleted)]
    public void Data_envelope_is_byte_for_byte_what_the_serializer_writes(string eventType)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Resource, MeshSyncJsonContext.Default.KubernetesResource);

        var envelope = MessageEnvelope.Data(eventType, json);

        Assert.Equal(
            JsonSerializer.SerializeToUtf8Bytes(MeshSyncMessage.Data(eventType, Resource), MeshSyncJsonContext.Default.MeshSyncMessageKubernetesResource),
            envelope);
    }

    [Fact]
    public void Store_batch_envelope_is_byte_for_byte_what_the_serializer_writes()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Resource, MeshSyncJsonContext.Default.KubernetesResource);

        var envelope = MessageEnvelope.StoreBatch([json, json, json]);

        Assert.Equal(
            JsonSerializer.SerializeToUtf8Bytes(MeshSyncMessage.StoreBatch([Resource, Resource, Resource]), MeshSyncJsonContext.Default.MeshSyncMessageIReadOnlyListKubernetesResource),
            envelope);
    }
}

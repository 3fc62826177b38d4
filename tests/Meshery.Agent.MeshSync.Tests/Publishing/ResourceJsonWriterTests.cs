using System.Text;
using System.Text.Json;
using Meshery.Agent.MeshSync.Discovery;
using Meshery.Agent.MeshSync.Messages;
using Meshery.Agent.MeshSync.Publishing;

namespace Meshery.Agent.MeshSync.Tests.Publishing;

/// <summary>
/// The direct writer is held to the record's serializer byte for byte: whatever an API server (or an odd one) sends,
/// the JSON published is the one <see cref="KubernetesResourceMapper.FromElement"/> and <see cref="MeshSyncJsonContext"/>
/// give, so upstream's shape (checked field by field elsewhere) holds on the fast path too.
/// </summary>
public sealed class ResourceJsonWriterTests
{
    private const string ClusterId = "0b6f2f7e-7a8f-4f57-9d7c-3c1f7b6d2e11";

    public static TheoryData<string> Objects() =>
    [
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","namespace":"ns","uid":"u1","resourceVersion":"5","labels":{"app":"web","tier":""},"annotations":{"note":"x"}},"data":{"k":"v"}}""",
        // A list item: no apiVersion or kind of its own.
        """{"metadata":{"name":"b","uid":"u2","resourceVersion":"6","creationTimestamp":"2026-11-25T10:00:00Z"},"spec":{"replicas":3,"template":{"x":[1,2.5,true,null]}},"status":{"phase":"Running"}}""",
        // Escapes, non-ASCII, HTML-sensitive characters and a supplementary-plane character in every kind of field.
        """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"caf\u00e9-<b>&'+","namespace":"n\"s","uid":"u3","labels":{"k\u00fcy":"v\u00e4l \ud83d\ude00","emoji":"😀 <tag>"},"annotations":{"quote":"say \"hi\"\n\ttab","html":"<script>&amp;</script>"},"finalizers":["a/b"],"ownerReferences":[{"kind":"ReplicaSet","name":"rs é"}]},"spec":{"text":"line1\nline2 ü 😀"}}""",
        // Non-string label values, empty strings, numbers in metadata, fields the record keeps raw.
        """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"","namespace":"","generateName":"gen-","selfLink":"/apis/x","uid":"","generation":0,"deletionGracePeriodSeconds":30,"deletionTimestamp":"2026-11-25T11:00:00Z","clusterName":"c","managedFields":[{"manager":"kubectl"}],"labels":{"n":1,"b":true,"o":{"x":1},"nul":null,"":"emptykey"}},"immutable":true,"type":"Opaque","binaryData":{"b":"AAE="},"stringData":{"s":"t"}}""",
        """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","generation":7,"labels":{}},"type":"","immutable":"","data":null,"spec":null}""",
        // Odd shapes: metadata not an object, kind not a string, a repeated key (the last one counts), a large number.
        """{"apiVersion":1,"kind":"","metadata":"oops","status":"plain string"}""",
        """{"kind":"Service","kind":"Endpoints","metadata":{"name":"first","name":"second","generation":12345678901234,"labels":{"a":"1","a":"2"}}}""",
        """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"spaced","labels":{"k":"v"}},   "spec" : { "finalizers" : [ "kubernetes" ] } }""",
    ];

    [Theory]
    [MemberData(nameof(Objects))]
    public void Writes_exactly_what_the_records_serializer_writes(string json)
    {
        using var document = JsonDocument.Parse(json);
        var expected = JsonSerializer.SerializeToUtf8Bytes(
            KubernetesResourceMapper.FromElement(document.RootElement, ClusterId, "v1", "Pod", redactSecrets: false),
            MeshSyncJsonContext.Default.KubernetesResource);

        var actual = ResourceJsonWriter.Write(document.RootElement, ClusterId, "v1", "Pod");

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
    }

    [Fact]
    public void The_encoder_still_redacts_secrets_and_trims_objects_over_the_limit()
    {
        using var secret = JsonDocument.Parse("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","uid":"u"},"data":{"password":"c2VjcmV0"}}""");
        var secretType = new ResourceType(new ResourceKey("secrets", "v1", ""), "Secret", Namespaced: true);
        var redacted = Encoding.UTF8.GetString(new ResourceEncoder(ClusterId, redactSecrets: true, 64 * 1024).Encode(secret.RootElement, secretType, out var trimmed));
        Assert.False(trimmed);
        Assert.DoesNotContain("c2VjcmV0", redacted, StringComparison.Ordinal);
        Assert.Contains(KubernetesResourceMapper.RedactedValue, redacted, StringComparison.Ordinal);

        using var large = JsonDocument.Parse($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"big","uid":"u"},"data":{"blob":"{{{new string('x', 4000)}}}"}}""");
        var configMapType = new ResourceType(new ResourceKey("configmaps", "v1", ""), "ConfigMap", Namespaced: true);
        var fitted = new ResourceEncoder(ClusterId, redactSecrets: true, 2000).Encode(large.RootElement, configMapType, out trimmed);
        Assert.True(trimmed);
        Assert.True(fitted.Length <= 2000);
    }
}

using System.Text;
using System.Text.Json;
using Meshery.Agent.MeshSync.Discovery;
using Meshery.Agent.MeshSync.Messages;
using Meshery.Agent.MeshSync.Publishing;

namespace Meshery.Agent.MeshSync.Tests.Discovery;

/// <summary>The store hands back exactly the JSON that was published, whichever form it kept the object in.</summary>
public sealed class KindStoreTests
{
    private const string ClusterId = "8f0c2c1e-1111-2222-3333-444455556666";
    private static readonly ResourceType ConfigMaps = new(new ResourceKey("configmaps", "v1", ""), "ConfigMap", Namespaced: true);
    private static readonly ResourceType Secrets = new(new ResourceKey("secrets", "v1", ""), "Secret", Namespaced: true);

    [Theory]
    [InlineData("0b6d1f7e-51a4-4c55-9a43-2f1e0d3c4b5a")]
    [InlineData("0B6D1F7E-51A4-4C55-9A43-2F1E0D3C4B5A")]
    [InlineData("not-a-uuid")]
    public void An_object_kept_as_sent_comes_back_as_its_published_json_under_the_same_uid(string uid)
    {
        var encoder = new ResourceEncoder(ClusterId, redactSecrets: true, maxResourceBytes: 64 * 1024);
        var store = new KindStore(ConfigMaps, encoder);
        using var raw = JsonDocument.Parse(ConfigMap(uid, "7", new string('x', 300)));
        var published = encoder.Encode(raw.RootElement, ConfigMaps, out var trimmed);
        Assert.True(encoder.CanKeepRaw(raw.RootElement, ConfigMaps, trimmed));

        store.Set(uid, "7", raw.RootElement, published, encoder.CanKeepRaw(raw.RootElement, ConfigMaps, trimmed));

        Assert.True(store.HasVersion(uid, "7", out var exists));
        Assert.True(exists);
        Assert.False(store.HasVersion(uid, "8", out exists));
        Assert.True(exists);
        Assert.Equal([uid], store.Uids);
        Assert.True(store.TryGet(uid, out var stored));
        Assert.Equal(uid, stored.Uid);
        Assert.Equal("7", stored.ResourceVersion);
        Assert.Equal(published, stored.Json.ToArray());
        Assert.Equal(published, Assert.Single(store.Items).Json.ToArray());
        Assert.True(store.TryRemove(uid, out var removed));
        Assert.Equal(published, removed.Json.ToArray());
        Assert.Equal(0, store.Count);
        Assert.False(store.HasVersion(uid, "7", out exists));
        Assert.False(exists);
    }

    [Fact]
    public void A_trimmed_object_is_kept_as_published()
    {
        var encoder = new ResourceEncoder(ClusterId, redactSecrets: true, maxResourceBytes: 2048);
        var store = new KindStore(ConfigMaps, encoder);
        const string uid = "1c9a7d3e-0000-4000-8000-000000000001";
        using var raw = JsonDocument.Parse(ConfigMap(uid, "3", new string('y', 8000)));
        var published = encoder.Encode(raw.RootElement, ConfigMaps, out var trimmed);
        Assert.True(trimmed);
        Assert.False(encoder.CanKeepRaw(raw.RootElement, ConfigMaps, trimmed));

        store.Set(uid, "3", raw.RootElement, published, rawEncodesSame: false);

        Assert.True(store.TryGet(uid, out var stored));
        Assert.Equal(published, stored.Json.ToArray());
    }

    [Fact]
    public void A_redacted_secret_is_kept_redacted_so_its_values_never_stay_in_memory()
    {
        var encoder = new ResourceEncoder(ClusterId, redactSecrets: true, maxResourceBytes: 64 * 1024);
        var store = new KindStore(Secrets, encoder);
        const string uid = "1c9a7d3e-0000-4000-8000-000000000002";
        var value = Convert.ToBase64String(Encoding.UTF8.GetBytes("hunter2-hunter2-hunter2"));
        using var raw = JsonDocument.Parse($$$"""
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"default","uid":"{{{uid}}}","resourceVersion":"5"},"data":{"password":"{{{value}}}"}}
            """);
        var published = encoder.Encode(raw.RootElement, Secrets, out var trimmed);
        Assert.False(encoder.CanKeepRaw(raw.RootElement, Secrets, trimmed));

        store.Set(uid, "5", raw.RootElement, published, rawEncodesSame: false);

        Assert.True(store.TryGet(uid, out var stored));
        Assert.Equal(published, stored.Json.ToArray());
        Assert.DoesNotContain(value, Encoding.UTF8.GetString(stored.Json.Span), StringComparison.Ordinal);
        Assert.Contains(KubernetesResourceMapper.RedactedValue, Encoding.UTF8.GetString(stored.Json.Span), StringComparison.Ordinal);
    }

    private static string ConfigMap(string uid, string resourceVersion, string config) => $$$"""
        {"metadata":{"name":"cm-1","namespace":"ns1","uid":"{{{uid}}}","resourceVersion":"{{{resourceVersion}}}","labels":{"app":"a","tier":"web"}},"data":{"config":"{{{config}}}"}}
        """;
}

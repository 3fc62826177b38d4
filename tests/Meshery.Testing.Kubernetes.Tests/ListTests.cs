using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using static Meshery.Testing.Kubernetes.Tests.TestObjects;

namespace Meshery.Testing.Kubernetes.Tests;

[Collection(KubeCollection.Name)]
public sealed class ListTests(FakeKubeApiServerFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Limit_and_continue_page_through_1200_objects_from_one_snapshot()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        fixture.Server.PutMany(Enumerable.Range(0, 1200).Select(i => RawConfigMap(ns, $"cm-{i:D4}")));

        var first = await client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 500, cancellationToken: _ct);
        // Writes between pages must not show up in (or shift) the pages of this list.
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cm-0000a"), ns, cancellationToken: _ct);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("cm-1199", ns, cancellationToken: _ct);
        var second = await client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 500, continueParameter: first.Metadata.ContinueProperty, cancellationToken: _ct);
        var third = await client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 500, continueParameter: second.Metadata.ContinueProperty, cancellationToken: _ct);
        var fresh = await client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: _ct);

        Assert.Equal([500, 500, 200], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        Assert.Equal(700, first.Metadata.RemainingItemCount);
        Assert.Equal(200, second.Metadata.RemainingItemCount);
        Assert.Null(third.Metadata.ContinueProperty);
        Assert.Equal(first.Metadata.ResourceVersion, third.Metadata.ResourceVersion);
        var names = first.Items.Concat(second.Items).Concat(third.Items).Select(c => c.Metadata.Name).ToList();
        Assert.Equal(Enumerable.Range(0, 1200).Select(i => $"cm-{i:D4}"), names);
        Assert.Equal(1200, fresh.Items.Count);
        Assert.Contains(fresh.Items, c => c.Metadata.Name == "cm-0000a");
        Assert.True(Rv(fresh) > Rv(first));
    }

    [Fact]
    public async Task Cluster_wide_list_pages_across_namespaces()
    {
        using var client = fixture.CreateClient();
        var a = fixture.CreateNamespace();
        var b = fixture.CreateNamespace();
        fixture.Server.PutMany(Enumerable.Range(0, 30).Select(i => RawConfigMap(i % 2 == 0 ? a : b, $"x-{i}", "paging")));

        var seen = new List<V1ConfigMap>();
        string? token = null;
        do
        {
            var page = await client.CoreV1.ListConfigMapForAllNamespacesAsync(labelSelector: "batch=paging", limit: 7, continueParameter: token, cancellationToken: _ct);
            Assert.True(page.Items.Count <= 7);
            seen.AddRange(page.Items);
            token = page.Metadata.ContinueProperty;
        }
        while (token is not null);

        Assert.Equal(30, seen.Count(c => c.Metadata.NamespaceProperty == a || c.Metadata.NamespaceProperty == b));
        Assert.Equal(seen.Count, seen.Select(c => (c.Metadata.NamespaceProperty, c.Metadata.Name)).Distinct().Count());
    }

    [Fact]
    public async Task Expired_or_invalid_continue_token_is_410_Gone()
    {
        await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: _ct);
        using var client = server.CreateClient();
        server.PutMany(Enumerable.Range(0, 20).Select(i => RawConfigMap("default", $"c{i}")));
        var first = await client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 5, cancellationToken: _ct);

        server.ExpireContinueTokens();
        var expired = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 5, continueParameter: first.Metadata.ContinueProperty, cancellationToken: _ct));
        var garbage = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 5, continueParameter: "not-a-token", cancellationToken: _ct));

        foreach (var e in new[] { expired, garbage })
        {
            Assert.Equal(HttpStatusCode.Gone, e.Response.StatusCode);
            var status = StatusOf(e);
            Assert.Equal(410, status.Code);
            Assert.Equal("Expired", status.Reason);
        }
    }

    [Theory]
    [InlineData("app=web", "w1,w2")]
    [InlineData("app==web", "w1,w2")]
    [InlineData("app!=web", "d1,n1")]
    [InlineData("app in (web,db)", "d1,w1,w2")]
    [InlineData("app notin (web)", "d1,n1")]
    [InlineData("tier", "d1,w1")]
    [InlineData("!tier", "n1,w2")]
    [InlineData("app=web,tier=frontend", "w1")]
    [InlineData("app in (web), !tier", "w2")]
    [InlineData("", "d1,n1,w1,w2")]
    public async Task Label_selectors_filter_lists(string selector, string expected)
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await CreateLabelledPodsAsync(client, ns);

        var pods = await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, cancellationToken: _ct);

        Assert.Equal(expected.Split(','), pods.Items.Select(p => p.Metadata.Name).Order());
    }

    [Fact]
    public async Task Field_selectors_match_name_namespace_and_other_fields()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await CreateLabelledPodsAsync(client, ns);

        var byName = await client.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "metadata.name=w1", cancellationToken: _ct);
        var byNamespace = await client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: $"metadata.namespace={ns},metadata.name!=w1", cancellationToken: _ct);
        var byPhase = await client.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "status.phase=Pending", cancellationToken: _ct);

        Assert.Equal("w1", Assert.Single(byName.Items).Metadata.Name);
        Assert.Equal(["d1", "n1", "w2"], byNamespace.Items.Select(p => p.Metadata.Name).Order());
        Assert.Equal(4, byPhase.Items.Count);
    }

    [Fact]
    public async Task Malformed_selector_is_400_BadRequest()
    {
        using var client = fixture.CreateClient();

        var e = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app in web", cancellationToken: _ct));

        Assert.Equal(HttpStatusCode.BadRequest, e.Response.StatusCode);
        Assert.Equal("BadRequest", StatusOf(e).Reason);
    }

    private async Task CreateLabelledPodsAsync(IKubernetes client, string ns)
    {
        await client.CoreV1.CreateNamespacedPodAsync(Pod("w1", new Dictionary<string, string> { ["app"] = "web", ["tier"] = "frontend" }), ns, cancellationToken: _ct);
        await client.CoreV1.CreateNamespacedPodAsync(Pod("w2", new Dictionary<string, string> { ["app"] = "web" }), ns, cancellationToken: _ct);
        await client.CoreV1.CreateNamespacedPodAsync(Pod("d1", new Dictionary<string, string> { ["app"] = "db", ["tier"] = "backend" }), ns, cancellationToken: _ct);
        await client.CoreV1.CreateNamespacedPodAsync(Pod("n1"), ns, cancellationToken: _ct);
    }
}

using System.Net;
using k8s;
using k8s.Autorest;
using static Meshery.Testing.Kubernetes.Tests.TestObjects;

namespace Meshery.Testing.Kubernetes.Tests;

[Collection(KubeCollection.Name)]
public sealed class LogTests(FakeKubeApiServerFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pod_log_returns_the_text_set_by_the_test()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.CoreV1.CreateNamespacedPodAsync(Pod("app"), ns, cancellationToken: _ct);
        fixture.Server.SetPodLog(ns, "app", "one\ntwo\nthree\n");
        fixture.Server.SetPodLog(ns, "app", "sidecar says hi\n", container: "sidecar");

        var all = await ReadAllAsync(await client.CoreV1.ReadNamespacedPodLogAsync("app", ns, cancellationToken: _ct));
        var tail = await ReadAllAsync(await client.CoreV1.ReadNamespacedPodLogAsync("app", ns, tailLines: 2, cancellationToken: _ct));
        var sidecar = await ReadAllAsync(await client.CoreV1.ReadNamespacedPodLogAsync("app", ns, container: "sidecar", cancellationToken: _ct));
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodLogAsync("ghost", ns, cancellationToken: _ct));

        Assert.Equal("one\ntwo\nthree\n", all);
        Assert.Equal("two\nthree\n", tail);
        Assert.Equal("sidecar says hi\n", sidecar);
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
    }

    [Fact]
    public async Task Follow_streams_appended_lines_until_the_log_ends()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.CoreV1.CreateNamespacedPodAsync(Pod("app"), ns, cancellationToken: _ct);
        fixture.Server.SetPodLog(ns, "app", "started\n");

        await using var stream = await client.CoreV1.ReadNamespacedPodLogAsync("app", ns, follow: true, cancellationToken: _ct);
        using var reader = new StreamReader(stream);
        var first = await reader.ReadLineAsync(_ct).AsTask().WaitAsync(Deadline, _ct);
        fixture.Server.AppendPodLog(ns, "app", "request 1\n");
        var second = await reader.ReadLineAsync(_ct).AsTask().WaitAsync(Deadline, _ct);
        fixture.Server.AppendPodLog(ns, "app", "request 2\n");
        fixture.Server.EndPodLog(ns, "app");
        var third = await reader.ReadLineAsync(_ct).AsTask().WaitAsync(Deadline, _ct);
        var end = await reader.ReadLineAsync(_ct).AsTask().WaitAsync(Deadline, _ct);

        Assert.Equal(["started", "request 1", "request 2"], new[] { first, second, third });
        Assert.Null(end);
    }

    private async Task<string> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync(_ct);
        }
    }
}

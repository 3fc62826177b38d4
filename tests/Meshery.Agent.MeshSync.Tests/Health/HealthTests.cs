using System.Net;
using Meshery.Agent.MeshSync.Configuration;
using Meshery.Agent.MeshSync.Health;
using Meshery.Agent.MeshSync.Tests.Support;
using Meshery.Testing.Nats;
using Meshery.Testing.Network;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.MeshSync.Tests.Health;

[Collection(MeshSyncCollection.Name)]
public sealed class HealthTests(NatsServerFixture nats)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_is_always_200_and_readyz_503_until_the_broker_is_connected_and_the_first_list_done()
    {
        var port = FreePort.Next();
        var readiness = new MeshSyncReadiness();
        await using var health = new MeshSyncHealthServer(Options.Create(new MeshSyncOptions { HealthPort = port }), readiness, NullLogger<MeshSyncHealthServer>.Instance);
        await health.StartAsync(_ct);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz", _ct)).StatusCode);
        var notStarted = await http.GetAsync("/readyz", _ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notStarted.StatusCode);
        Assert.Equal("application/problem+json", notStarted.Content.Headers.ContentType?.MediaType);

        await using var h = await Harness.StartAsync(nats.Url, _ct, startDiscovery: false);
        readiness.Add(h.Discovery);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/readyz", _ct)).StatusCode);
        await h.Discovery.StartAsync(_ct);
        await h.WaitInitialListAsync(_ct);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz", _ct)).StatusCode);
    }
}

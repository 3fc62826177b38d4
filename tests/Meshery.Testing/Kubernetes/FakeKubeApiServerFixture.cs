using System.Text.Json.Nodes;
using Xunit;

namespace Meshery.Testing.Kubernetes;

/// <summary>
/// One <see cref="FakeKubeApiServer"/> shared by a test collection (<c>ICollectionFixture</c>); tests
/// isolate themselves with unique namespaces from <see cref="CreateNamespace"/> or names from <see cref="NextId"/>.
/// </summary>
public sealed class FakeKubeApiServerFixture : IAsyncLifetime
{
    private FakeKubeApiServer? _server;
    private int _next;

    public FakeKubeApiServer Server => _server ?? throw new InvalidOperationException("The fixture has not been initialized.");

    public async ValueTask InitializeAsync() =>
        _server = await FakeKubeApiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A DNS-1123 name unique within this fixture, e.g. <c>t7-k3x9</c>.</summary>
    public string NextId(string prefix = "t") =>
        $"{prefix}{Interlocked.Increment(ref _next)}-{Guid.NewGuid().ToString("N")[..4]}";

    /// <summary>Creates a uniquely named namespace directly in the store and returns its name.</summary>
    public string CreateNamespace(string prefix = "ns")
    {
        var name = NextId(prefix);
        Server.Put(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["status"] = new JsonObject { ["phase"] = "Active" },
        });
        return name;
    }

    public k8s.Kubernetes CreateClient() => Server.CreateClient();
}

using Meshery.Testing.Nats;

namespace Meshery.Agent.MeshSync.Tests.Support;

/// <summary>Tests sharing one nats-server; they run one after another (each owns its fake API server and filters by cluster id).</summary>
[CollectionDefinition(Name)]
public sealed class MeshSyncCollection : ICollectionFixture<NatsServerFixture>
{
    public const string Name = "meshsync";
}

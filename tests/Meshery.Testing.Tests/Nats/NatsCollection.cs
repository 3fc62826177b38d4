using Meshery.Testing.Nats;

namespace Meshery.Testing.Tests.Nats;

[CollectionDefinition(Name)]
public sealed class NatsCollection : ICollectionFixture<NatsServerFixture>
{
    public const string Name = "nats";
}

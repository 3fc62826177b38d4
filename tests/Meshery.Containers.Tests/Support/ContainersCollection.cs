namespace Meshery.Containers.Tests.Support;

/// <summary>
/// Every container test shares the built images, and they run one at a time: image builds and containers are
/// heavy on a small machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ContainersCollection : ICollectionFixture<AgentImageFixture>
{
    public const string Name = "Containers";
}

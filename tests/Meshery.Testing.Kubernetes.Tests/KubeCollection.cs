namespace Meshery.Testing.Kubernetes.Tests;

/// <summary>Tests sharing one fake API server; each isolates itself in its own namespace.</summary>
[CollectionDefinition(Name)]
public sealed class KubeCollection : ICollectionFixture<FakeKubeApiServerFixture>
{
    public const string Name = "fake-kube";
}

namespace Meshery.Infra.Tests.Deployment;

[CollectionDefinition(Name)]
public sealed class DeploymentCollection : ICollectionFixture<DeploymentFixture>
{
    public const string Name = "Provider deployment";
}

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

[CollectionDefinition(Name)]
public sealed class ProviderDoubleCollection : ICollectionFixture<ProviderDoubleFixture>
{
    public const string Name = "provider double";
}

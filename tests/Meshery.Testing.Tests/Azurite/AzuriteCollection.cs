using Meshery.Testing.Azurite;

namespace Meshery.Testing.Tests.Azurite;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}

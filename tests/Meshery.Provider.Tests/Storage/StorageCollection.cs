using Meshery.Testing.Azurite;

namespace Meshery.Provider.Tests.Storage;

/// <summary>One Azurite for every storage test; tests isolate themselves by table prefix and tenant.</summary>
[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "storage";
}

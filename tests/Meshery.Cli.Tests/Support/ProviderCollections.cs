using Meshery.Testing.Provider;

namespace Meshery.Cli.Tests.Support;

/// <summary>One self-hosted provider (with its sign-in server) shared by the sign-in tests.</summary>
[CollectionDefinition(Name)]
public sealed class ProviderHostCollection : ICollectionFixture<ProviderHostFixture>
{
    public const string Name = "provider host";
}

using Meshery.Testing.Provider;

namespace Meshery.Provider.Tests.Support;

/// <summary>One self-hosted provider shared by the tests that need it.</summary>
[CollectionDefinition(Name)]
public sealed class ProviderHostCollection : ICollectionFixture<ProviderHostFixture>
{
    public const string Name = "provider host";
}

/// <summary>One Functions app (through the emulator) shared by the tests that need it.</summary>
[CollectionDefinition(Name)]
public sealed class ProviderFunctionsCollection : ICollectionFixture<ProviderFunctionsFixture>
{
    public const string Name = "provider functions";
}

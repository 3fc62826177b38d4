using Meshery.Provider.Tests.Support;
using Meshery.Testing.Provider;

namespace Meshery.Provider.Tests.Api;

/// <summary>The HTTP suite against the real Functions app, run by the host emulator.</summary>
[Collection(ProviderFunctionsCollection.Name)]
public sealed class ProviderFunctionsApiTests(ProviderFunctionsFixture fixture) : ProviderApiSuite(fixture);

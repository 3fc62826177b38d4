using Meshery.Provider.Tests.Support;
using Meshery.Testing.Provider;

namespace Meshery.Provider.Tests.Api;

/// <summary>The HTTP suite against the self-hosted provider over TLS.</summary>
[Collection(ProviderHostCollection.Name)]
public sealed class ProviderHostApiTests(ProviderHostFixture fixture) : ProviderApiSuite(fixture);

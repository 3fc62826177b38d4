using Meshery.Testing.Tokens;

namespace Meshery.Testing.Provider;

/// <summary>A running provider (ASP.NET Core host or Functions app) the HTTP suite drives.</summary>
public interface IProviderUnderTest
{
    /// <summary>Where the provider answers.</summary>
    Uri BaseAddress { get; }

    /// <summary>An anonymous client (no token).</summary>
    HttpClient Client { get; }

    /// <summary>The issuer the provider trusts.</summary>
    TestTokenIssuer Tokens { get; }

    /// <summary>The largest body the provider accepts.</summary>
    long MaxRequestBodyBytes { get; }
}

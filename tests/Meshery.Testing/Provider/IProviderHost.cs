namespace Meshery.Testing.Provider;

/// <summary>A running provider host that clients of the test reach over TLS.</summary>
public interface IProviderHost
{
    Uri BaseAddress { get; }

    /// <summary>A handler that trusts the host's TLS certificate (redirects not followed).</summary>
    HttpMessageHandler CreateHandler();
}

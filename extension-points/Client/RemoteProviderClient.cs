using Meshery.ExtensionPoints.Capabilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meshery.ExtensionPoints.Client;

/// <summary>
/// A Meshery remote provider reached over HTTP, exactly as a Meshery server calls it: the capabilities
/// document says which features exist and where; one store per capability implements the contract's
/// interface over those endpoints. Thread-safe; keep one per provider.
/// </summary>
public sealed class RemoteProviderClient : ICapabilitiesSource
{
    private readonly ProviderHttp _http;

    /// <summary>A client over an <see cref="HttpClient"/> the caller owns (and disposes).</summary>
    public RemoteProviderClient(HttpClient httpClient, RemoteProviderOptions options, TimeProvider? timeProvider = null, ILogger<RemoteProviderClient>? logger = null)
        : this(Supplier(httpClient), options, timeProvider, logger)
    {
    }

    /// <summary>A client that takes a fresh <see cref="HttpClient"/> from the factory for each call.</summary>
    public RemoteProviderClient(
        IHttpClientFactory httpClientFactory, string httpClientName, RemoteProviderOptions options, TimeProvider? timeProvider = null, ILogger<RemoteProviderClient>? logger = null)
        : this(Supplier(httpClientFactory, httpClientName), options, timeProvider, logger)
    {
    }

    private RemoteProviderClient(Func<HttpClient> httpClient, RemoteProviderOptions options, TimeProvider? timeProvider, ILogger<RemoteProviderClient>? logger)
    {
        _http = new ProviderHttp(httpClient, options, timeProvider ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance);
        Preferences = new RemotePreferencesStore(_http);
        Users = new RemoteUserProfileStore(_http);
        Organizations = new RemoteOrganizationStore(_http);
        Environments = new RemoteEnvironmentStore(_http);
        Workspaces = new RemoteWorkspaceStore(_http);
        Connections = new RemoteConnectionStore(_http);
        Credentials = new RemoteCredentialStore(_http);
        PerformanceProfiles = new RemotePerformanceProfileStore(_http);
        PerformanceResults = new RemotePerformanceResultStore(_http);
        Designs = new RemoteDesignStore(_http);
        Events = new RemoteEventStore(_http);
    }

    public RemoteProviderOptions Options => _http.Options;

    /// <summary><c>sync-prefs</c>.</summary>
    public RemotePreferencesStore Preferences { get; }

    /// <summary><c>users-profile</c>.</summary>
    public RemoteUserProfileStore Users { get; }

    /// <summary><c>organizations</c>.</summary>
    public RemoteOrganizationStore Organizations { get; }

    /// <summary><c>environments</c>.</summary>
    public RemoteEnvironmentStore Environments { get; }

    /// <summary><c>workspaces</c>.</summary>
    public RemoteWorkspaceStore Workspaces { get; }

    /// <summary><c>persist-connection</c>.</summary>
    public RemoteConnectionStore Connections { get; }

    /// <summary><c>persist-credentials</c>.</summary>
    public RemoteCredentialStore Credentials { get; }

    /// <summary><c>persist-performance-profiles</c>.</summary>
    public RemotePerformanceProfileStore PerformanceProfiles { get; }

    /// <summary><c>persist-results</c>, <c>persist-result</c>, <c>persist-metrics</c>.</summary>
    public RemotePerformanceResultStore PerformanceResults { get; }

    /// <summary><c>persist-meshery-patterns</c>.</summary>
    public RemoteDesignStore Designs { get; }

    /// <summary><c>persist-events</c> and the fixed <c>/api/events/*</c> paths.</summary>
    public RemoteEventStore Events { get; }

    /// <summary>
    /// Loads the capabilities document now (with the caller's token when given) and keeps it for the
    /// endpoint lookups that follow; without this the first call loads it.
    /// </summary>
    public Task<CapabilitiesDocument> GetCapabilitiesAsync(ProviderCaller? caller, CancellationToken cancellationToken) =>
        _http.FetchCapabilitiesAsync(caller, cancellationToken);

    private static Func<HttpClient> Supplier(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return () => httpClient;
    }

    private static Func<HttpClient> Supplier(IHttpClientFactory factory, string name)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return () => factory.CreateClient(name);
    }
}

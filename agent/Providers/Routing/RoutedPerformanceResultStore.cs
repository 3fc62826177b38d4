using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Performance;

namespace Meshery.Agent.Providers.Routing;

/// <summary><see cref="IPerformanceResultStore"/> of the provider the caller belongs to (see <see cref="CallerRouting"/>).</summary>
internal sealed class RoutedPerformanceResultStore(IPerformanceResultStore local, IPerformanceResultStore remote) : IPerformanceResultStore
{
    public Task<PerformanceResultPage> ListAsync(ProviderCaller caller, PerformanceResultQuery query, CancellationToken cancellationToken) =>
        Pick(caller).ListAsync(caller, query, cancellationToken);

    public Task<PerformanceResult?> GetAsync(ProviderCaller caller, Guid resultId, CancellationToken cancellationToken) =>
        Pick(caller).GetAsync(caller, resultId, cancellationToken);

    public Task<Guid> CreateAsync(ProviderCaller caller, Guid profileId, PerformanceResult result, CancellationToken cancellationToken) =>
        Pick(caller).CreateAsync(caller, profileId, result, cancellationToken);

    public Task SaveMetricsAsync(ProviderCaller caller, PerformanceResult result, CancellationToken cancellationToken) =>
        Pick(caller).SaveMetricsAsync(caller, result, cancellationToken);

    private IPerformanceResultStore Pick(ProviderCaller caller) => CallerRouting.IsRemote(caller) ? remote : local;
}

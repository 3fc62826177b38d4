namespace Meshery.ExtensionPoints.Performance;

/// <summary>Capabilities <c>persist-results</c>, <c>persist-result</c> and <c>persist-metrics</c>.</summary>
public interface IPerformanceResultStore
{
    Task<PerformanceResultPage> ListAsync(ProviderCaller caller, PerformanceResultQuery query, CancellationToken cancellationToken);

    Task<PerformanceResult?> GetAsync(ProviderCaller caller, Guid resultId, CancellationToken cancellationToken);

    /// <summary>Records a result under a profile (throws <c>NotFound</c> for an unknown profile); returns its id.</summary>
    Task<Guid> CreateAsync(ProviderCaller caller, Guid profileId, PerformanceResult result, CancellationToken cancellationToken);

    /// <summary>Attaches server metrics to an existing result (throws <c>NotFound</c>).</summary>
    Task SaveMetricsAsync(ProviderCaller caller, PerformanceResult result, CancellationToken cancellationToken);
}

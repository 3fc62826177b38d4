using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Performance;

/// <summary>Capability <c>persist-performance-profiles</c>.</summary>
public interface IPerformanceProfileStore
{
    Task<PerformanceProfilePage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken);

    Task<Stored<PerformanceProfile>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);

    /// <summary>Creates a profile, or updates the caller's profile with the same id.</summary>
    Task<Stored<PerformanceProfile>> SaveAsync(ProviderCaller caller, PerformanceProfile profile, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Deletes the profile and its results.</summary>
    Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);
}

namespace Meshery.ExtensionPoints.Designs;

/// <summary>Capability <c>persist-meshery-patterns</c>.</summary>
public interface IDesignStore
{
    Task<DesignPage> ListAsync(ProviderCaller caller, DesignQuery query, CancellationToken cancellationToken);

    Task<Stored<Design>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);

    /// <summary>Creates a design, or replaces the caller's design with the same id.</summary>
    Task<Stored<Design>> SaveAsync(ProviderCaller caller, Design design, string? ifMatch, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);
}

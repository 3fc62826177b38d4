using Meshery.Agent.LocalProvider.Storage;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Organizations;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Agent.LocalProvider.Organizations;

/// <summary>The organizations of offline mode: the one seeded at first start.</summary>
public sealed class SqliteOrganizationStore(LocalDatabase database) : IOrganizationStore
{
    private readonly DocumentTable<Organization> _table = new(database, LocalTables.Organizations);

    public async Task<OrganizationPage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var (items, total) = await _table.ListAsync(caller.UserId, page, null, cancellationToken);
        return new OrganizationPage(page.Page, page.PageSize, total, items);
    }

    public async Task<Organization?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return (await _table.GetAsync(caller.UserId, id, cancellationToken))?.Value;
    }
}

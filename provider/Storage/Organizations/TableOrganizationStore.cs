using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Organizations;
using Meshery.ExtensionPoints.Paging;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Storage.Organizations;

/// <summary>
/// Organizations in table <c>organizations</c>: PartitionKey = the member's user id, RowKey = the
/// organization id. Each user's personal organization is added on their first call.
/// </summary>
public sealed class TableOrganizationStore(TableStorage storage, TimeProvider time) : IOrganizationStore
{
    private static readonly string[] RowKeyOnly = ["RowKey"];
    private readonly DocumentTable<Organization> _table = new(storage, TableDefinitions.Organizations);

    public async Task<OrganizationPage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        await EnsurePersonalAsync(caller.UserId, cancellationToken);
        var result = await _table.ListAsync(new TableListRequest(TableKeys.Tenant(caller.UserId), KeyRange.All, page), cancellationToken);
        return new OrganizationPage(page.Page, page.PageSize, result.Total, result.Items);
    }

    public async Task<Organization?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (id == PersonalOrganization.IdFor(caller.UserId))
        {
            await EnsurePersonalAsync(caller.UserId, cancellationToken);
        }

        return (await _table.GetAsync(new DocumentKey(TableKeys.Tenant(caller.UserId), TableKeys.Id(id), id), cancellationToken))?.Value;
    }

    private async Task EnsurePersonalAsync(Guid userId, CancellationToken cancellationToken)
    {
        var id = PersonalOrganization.IdFor(userId);
        var key = new DocumentKey(TableKeys.Tenant(userId), TableKeys.Id(id), id);
        if (await _table.Table.GetAsync(key.Partition, key.Row, RowKeyOnly, cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await _table.InsertAsync(key, new(PersonalOrganization.Create(userId, TableTime.Now(time))), cancellationToken);
        }
        catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.Conflict)
        {
            // Another request created it first.
        }
    }
}

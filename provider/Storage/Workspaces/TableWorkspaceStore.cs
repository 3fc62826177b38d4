using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Validation;
using Meshery.ExtensionPoints.Workspaces;
using Meshery.Provider.Storage.Organizations;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Storage.Workspaces;

/// <summary>Workspaces in table <c>workspaces</c>: PartitionKey = user id, RowKey = workspace id.</summary>
public sealed class TableWorkspaceStore(TableStorage storage, TimeProvider time) : IWorkspaceStore
{
    private readonly DocumentTable<Workspace> _table = new(storage, TableDefinitions.Workspaces);

    public async Task<WorkspacePage> ListAsync(ProviderCaller caller, PageRequest page, Guid? organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var request = new TableListRequest(TableKeys.Tenant(caller.UserId), KeyRange.All, page)
        {
            Conditions = new TableConditions().Equal("OrganizationId", organizationId?.ToString("D")),
        };
        var result = await _table.ListAsync(request, cancellationToken);
        return new WorkspacePage(page.Page, page.PageSize, result.Total, result.Items);
    }

    public Task<Stored<Workspace>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _table.GetAsync(KeyOf(caller, id), cancellationToken);
    }

    public Task<Stored<Workspace>> CreateAsync(ProviderCaller caller, WorkspacePayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var now = TableTime.Now(time);
        var workspace = new Workspace
        {
            Id = Guid.NewGuid(),
            Name = ContractValidation.RequireName(payload.Name),
            Description = ContractValidation.OptionalText(payload.Description, "description"),
            OrganizationId = payload.OrganizationId ?? PersonalOrganization.IdFor(caller.UserId),
            Owner = caller.UserId,
            Metadata = payload.Metadata,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return _table.InsertAsync(KeyOf(caller, workspace.Id), new(workspace), cancellationToken);
    }

    public Task<Stored<Workspace>> UpdateAsync(ProviderCaller caller, Guid id, WorkspacePayload payload, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var name = payload.Name is null ? null : ContractValidation.RequireName(payload.Name);
        var description = payload.Description is null ? null : ContractValidation.OptionalText(payload.Description, "description");
        var now = TableTime.Now(time);
        return _table.UpdateAsync(
            KeyOf(caller, id),
            current => new(current.Value with
            {
                Name = name ?? current.Value.Name,
                Description = description ?? current.Value.Description,
                OrganizationId = payload.OrganizationId ?? current.Value.OrganizationId,
                Metadata = payload.Metadata ?? current.Value.Metadata,
                UpdatedAt = now,
            }),
            ifMatch,
            cancellationToken);
    }

    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await _table.DeleteAsync(KeyOf(caller, id), cancellationToken) is not null;
    }

    private static DocumentKey KeyOf(ProviderCaller caller, Guid id) => new(TableKeys.Tenant(caller.UserId), TableKeys.Id(id), id);
}

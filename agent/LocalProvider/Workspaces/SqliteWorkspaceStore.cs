using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.LocalProvider.Storage;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Validation;
using Meshery.ExtensionPoints.Workspaces;

namespace Meshery.Agent.LocalProvider.Workspaces;

/// <summary>Workspaces in SQLite.</summary>
public sealed class SqliteWorkspaceStore(LocalDatabase database, TimeProvider time) : IWorkspaceStore
{
    private readonly DocumentTable<Workspace> _table = new(database, LocalTables.Workspaces);

    public async Task<WorkspacePage> ListAsync(ProviderCaller caller, PageRequest page, Guid? organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var filter = new SqlFilter();
        if (organizationId is { } org)
        {
            filter.Where("organization_id = $org", ("$org", org.ToString("D")));
        }

        var (items, total) = await _table.ListAsync(caller.UserId, page, filter, cancellationToken);
        return new WorkspacePage(page.Page, page.PageSize, total, items);
    }

    public Task<Stored<Workspace>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _table.GetAsync(caller.UserId, id, cancellationToken);
    }

    public Task<Stored<Workspace>> CreateAsync(ProviderCaller caller, WorkspacePayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var now = SqliteTime.Now(time);
        var workspace = new Workspace
        {
            Id = Guid.NewGuid(),
            Name = ContractValidation.RequireName(payload.Name),
            Description = ContractValidation.OptionalText(payload.Description, "description"),
            OrganizationId = payload.OrganizationId ?? LocalUser.OrganizationId,
            Owner = caller.UserId,
            Metadata = payload.Metadata,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return _table.InsertAsync(caller.UserId, workspace.Id, workspace, now, cancellationToken);
    }

    public Task<Stored<Workspace>> UpdateAsync(ProviderCaller caller, Guid id, WorkspacePayload payload, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var name = payload.Name is null ? null : ContractValidation.RequireName(payload.Name);
        var description = payload.Description is null ? null : ContractValidation.OptionalText(payload.Description, "description");
        var now = SqliteTime.Now(time);
        return _table.UpdateAsync(
            caller.UserId,
            id,
            current => current with
            {
                Name = name ?? current.Name,
                Description = description ?? current.Description,
                OrganizationId = payload.OrganizationId ?? current.OrganizationId,
                Metadata = payload.Metadata ?? current.Metadata,
                UpdatedAt = now,
            },
            ifMatch,
            now,
            cancellationToken);
    }

    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await _table.DeleteAsync(caller.UserId, id, cancellationToken) is not null;
    }
}

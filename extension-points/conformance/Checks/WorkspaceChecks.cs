using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Workspaces;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary><c>workspaces</c>.</summary>
internal sealed class WorkspaceChecks(ConformanceSession session) : EntitySuite(session)
{
    public override string Name => "workspaces";

    protected override string Feature => Capabilities.Features.Workspaces;

    protected override async Task<Guid> CreateAsync(ProviderCaller caller, string name, CancellationToken cancellationToken)
    {
        var payload = new WorkspacePayload { Name = name, Description = "made by the conformance kit", OrganizationId = Session.OrganizationId };
        return (await Session.Client.Workspaces.CreateAsync(caller, payload, cancellationToken)).Value.Id;
    }

    protected override async Task<EntityView?> ReadAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        await Session.Client.Workspaces.GetAsync(caller, id, cancellationToken) is { } stored
            ? new EntityView(stored.Value.Id, stored.Value.Name, stored.ETag)
            : null;

    protected override async Task<Guid> UpdateAsync(ProviderCaller caller, Guid id, string name, string? ifMatch, CancellationToken cancellationToken) =>
        (await Session.Client.Workspaces.UpdateAsync(caller, id, new WorkspacePayload { Name = name }, ifMatch, cancellationToken)).Value.Id;

    protected override async Task<EntityList> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        var list = await Session.Client.Workspaces.ListAsync(caller, page, null, cancellationToken);
        return new EntityList([.. list.Workspaces.Select(w => w.Id)], list.TotalCount);
    }

    protected override Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Session.Client.Workspaces.DeleteAsync(caller, id, cancellationToken);

    protected override SnakeCaseCase? SnakeCase(string name)
    {
        var organization = Session.OrganizationId ?? Guid.NewGuid();
        var body = $$"""{"name":"{{name}}","description":"snake_case","organization_id":"{{organization:D}}"}""";
        return new SnakeCaseCase(body, "organizationId", async (id, ct) =>
        {
            var stored = await Session.Client.Workspaces.GetAsync(Session.User, id, ct);
            return stored?.Value.OrganizationId == organization ? null : $"'organization_id' was not taken: read back {stored?.Value.OrganizationId}";
        });
    }
}

using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary><c>environments</c>, and mapping connections into one when <c>persist-connection</c> is advertised.</summary>
internal sealed class EnvironmentChecks(ConformanceSession session) : EntitySuite(session)
{
    public override string Name => "environments";

    protected override string Feature => Capabilities.Features.Environments;

    protected override async Task<Guid> CreateAsync(ProviderCaller caller, string name, CancellationToken cancellationToken)
    {
        var payload = new EnvironmentPayload { Name = name, Description = "made by the conformance kit", OrganizationId = Session.OrganizationId };
        return (await Session.Client.Environments.CreateAsync(caller, payload, cancellationToken)).Value.Id;
    }

    protected override async Task<EntityView?> ReadAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        await Session.Client.Environments.GetAsync(caller, id, cancellationToken) is { } stored
            ? new EntityView(stored.Value.Id, stored.Value.Name, stored.ETag)
            : null;

    protected override async Task<Guid> UpdateAsync(ProviderCaller caller, Guid id, string name, string? ifMatch, CancellationToken cancellationToken) =>
        (await Session.Client.Environments.UpdateAsync(caller, id, new EnvironmentPayload { Name = name }, ifMatch, cancellationToken)).Value.Id;

    protected override async Task<EntityList> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        var list = await Session.Client.Environments.ListAsync(caller, page, null, cancellationToken);
        return new EntityList([.. list.Environments.Select(e => e.Id)], list.TotalCount);
    }

    protected override Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Session.Client.Environments.DeleteAsync(caller, id, cancellationToken);

    protected override SnakeCaseCase? SnakeCase(string name)
    {
        var organization = Session.OrganizationId ?? Guid.NewGuid();
        var body = $$"""{"name":"{{name}}","description":"snake_case","organization_id":"{{organization:D}}"}""";
        return new SnakeCaseCase(body, "organizationId", async (id, ct) =>
        {
            var stored = await Session.Client.Environments.GetAsync(Session.User, id, ct);
            return stored?.Value.OrganizationId == organization ? null : $"'organization_id' was not taken: read back {stored?.Value.OrganizationId}";
        });
    }

    protected override IEnumerable<Check> ExtraChecks()
    {
        yield return Define("connections", ConnectionsCheckAsync);
    }

    private async Task<string> ConnectionsCheckAsync(CancellationToken cancellationToken)
    {
        var environment = ConformanceSession.Needs(MainId, "environments.create");
        if (!Session.Capabilities.Supports(Capabilities.Features.PersistConnection))
        {
            throw CheckFailedException.Skipped($"'{Capabilities.Features.PersistConnection}' is not advertised");
        }

        var client = Session.Client;
        var payload = new ConnectionPayload { Name = Session.NameFor("environments-connection"), Kind = "conformance", Type = "platform", SubType = "conformance", Status = ConnectionStatuses.Registered };
        var connection = (await client.Connections.SaveAsync(Session.User, payload, cancellationToken)).Value.Id;
        try
        {
            var add = await Session.CallAsync(async () => { await client.Environments.AddConnectionAsync(Session.User, environment, connection, cancellationToken); return true; });
            Session.Expect(add, new StatusRule(204, Lenient: [200]));
            var list = Session.Expect(
                await Session.CallAsync(() => client.Environments.ListConnectionsAsync(Session.User, environment, new PageRequest(), cancellationToken)), 200);
            ConformanceSession.True(list.Connections.Any(c => c.Id == connection), $"the environment's connections do not list {connection} after adding it");
            var remove = await Session.CallAsync(() => client.Environments.RemoveConnectionAsync(Session.User, environment, connection, cancellationToken));
            Session.Expect(remove, new StatusRule(204, Lenient: [200]));
            var again = await Session.CallAsync(() => client.Environments.RemoveConnectionAsync(Session.User, environment, connection, cancellationToken));
            Session.ExpectStatus(again, 404);
            return "add -> 204, listed, remove -> 204, remove again -> 404";
        }
        finally
        {
            await Session.CallAsync(() => client.Connections.DeleteAsync(Session.User, connection, cancellationToken));
        }
    }
}

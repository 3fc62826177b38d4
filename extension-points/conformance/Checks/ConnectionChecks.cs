using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary><c>persist-connection</c>: a save answers a page; a delete answers the connection, status <c>deleted</c>.</summary>
internal sealed class ConnectionChecks(ConformanceSession session) : EntitySuite(session)
{
    public override string Name => "connections";

    protected override string Feature => Capabilities.Features.PersistConnection;

    protected override StatusRule DeleteStatus => 200;

    protected override async Task<Guid> CreateAsync(ProviderCaller caller, string name, CancellationToken cancellationToken)
    {
        var payload = new ConnectionPayload { Name = name, Kind = "conformance", Type = "platform", SubType = "conformance", Status = ConnectionStatuses.Registered };
        return (await Session.Client.Connections.SaveAsync(caller, payload, cancellationToken)).Value.Id;
    }

    protected override async Task<EntityView?> ReadAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        await Session.Client.Connections.GetAsync(caller, id, cancellationToken) is { } stored
            ? new EntityView(stored.Value.Id, stored.Value.Name, stored.ETag)
            : null;

    protected override async Task<Guid> UpdateAsync(ProviderCaller caller, Guid id, string name, string? ifMatch, CancellationToken cancellationToken) =>
        (await Session.Client.Connections.UpdateAsync(caller, id, new ConnectionPayload { Name = name }, ifMatch, cancellationToken)).Value.Id;

    protected override async Task<EntityList> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        var list = await Session.Client.Connections.ListAsync(caller, new ConnectionQuery { Page = page }, cancellationToken);
        return new EntityList([.. list.Connections.Select(c => c.Id)], list.TotalCount);
    }

    protected override async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        var deleted = await Session.Client.Connections.DeleteAsync(caller, id, cancellationToken);
        if (deleted is not null && deleted.Status != ConnectionStatuses.Deleted)
        {
            throw new CheckFailedException($"deleting connection {id} answered status '{deleted.Status}', not '{ConnectionStatuses.Deleted}'");
        }

        return deleted is not null;
    }

    protected override SnakeCaseCase? SnakeCase(string name)
    {
        var body = $$"""{"name":"{{name}}","kind":"conformance","type":"platform","sub_type":"conformance-snake","status":"registered","skip_credential_verification":true}""";
        return new SnakeCaseCase(body, "subType", async (id, ct) =>
        {
            var stored = await Session.Client.Connections.GetAsync(Session.User, id, ct);
            return stored?.Value.SubType == "conformance-snake" ? null : $"'sub_type' was not taken: read back '{stored?.Value.SubType}'";
        });
    }

    protected override IEnumerable<Check> ExtraChecks()
    {
        yield return Define("status-update", async ct =>
        {
            var id = ConformanceSession.Needs(MainId, "connections.create");
            var outcome = await Session.CallAsync(() => Session.Client.Connections.UpdateAsync(
                Session.User, id, new ConnectionPayload { Status = ConnectionStatuses.Connected }, null, ct));
            var stored = Session.Expect(outcome, 200);
            ConformanceSession.True(stored.Value.Status == ConnectionStatuses.Connected, $"{outcome.Exchange} answered status '{stored.Value.Status}'");
            var page = await Session.Client.Connections.ListAsync(
                Session.User, new ConnectionQuery { Page = new PageRequest { Search = Session.RunId }, Statuses = [ConnectionStatuses.Connected] }, ct);
            ConformanceSession.True(page.Connections.Any(c => c.Id == id), "listing status=connected does not show the connection");
            return $"{outcome.Exchange} with only {{status}} -> 200; the status filter finds it";
        });
    }
}

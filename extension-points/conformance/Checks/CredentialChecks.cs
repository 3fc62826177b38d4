using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary><c>persist-credentials</c>: secrets come back on a single read and never in lists.</summary>
internal sealed class CredentialChecks(ConformanceSession session) : EntitySuite(session)
{
    public override string Name => "credentials";

    protected override string Feature => Capabilities.Features.PersistCredentials;

    protected override StatusRule CreateStatus => 201;

    protected override StatusRule DeleteStatus => 200;

    private string Secret => "s3cret-" + Session.RunId;

    protected override async Task<Guid> CreateAsync(ProviderCaller caller, string name, CancellationToken cancellationToken)
    {
        var payload = new CredentialPayload { Name = name, Type = "conformance", Secret = new JsonObject { ["token"] = Secret } };
        return (await Session.Client.Credentials.CreateAsync(caller, payload, cancellationToken)).Value.Id;
    }

    protected override async Task<EntityView?> ReadAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        await Session.Client.Credentials.GetAsync(caller, id, cancellationToken) is { } stored
            ? new EntityView(stored.Value.Id, stored.Value.Name, stored.ETag)
            : null;

    protected override async Task<Guid> UpdateAsync(ProviderCaller caller, Guid id, string name, string? ifMatch, CancellationToken cancellationToken) =>
        (await Session.Client.Credentials.UpdateAsync(caller, id, new CredentialPayload { Name = name }, ifMatch, cancellationToken)).Value.Id;

    protected override async Task<EntityList> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        var list = await Session.Client.Credentials.ListAsync(caller, page, cancellationToken);
        return new EntityList([.. list.Credentials.Select(c => c.Id)], list.TotalCount);
    }

    protected override Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Session.Client.Credentials.DeleteAsync(caller, id, cancellationToken);

    protected override IEnumerable<Check> ExtraChecks()
    {
        yield return Define("secrets", async ct =>
        {
            var id = ConformanceSession.Needs(MainId, "credentials.create");
            var stored = await Session.Client.Credentials.GetAsync(Session.User, id, ct);
            var token = stored?.Value.Secret?["token"]?.GetValue<string>();
            ConformanceSession.True(token == Secret, "reading the credential does not answer its secret");
            var page = await Session.Client.Credentials.ListAsync(Session.User, new PageRequest { Search = Session.RunId, PageSize = 100 }, ct);
            ConformanceSession.True(page.Credentials.Any(c => c.Id == id), "the list does not show the credential");
            ConformanceSession.True(page.Credentials.All(c => c.Secret is null), "the list carries secrets");
            return "the secret is read back alone and never listed";
        });
    }
}

using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary><c>persist-meshery-patterns</c>: Meshery's save body <c>{name, patternData, save}</c>, answered with <c>[design]</c>.</summary>
internal sealed class DesignChecks(ConformanceSession session) : EntitySuite(session)
{
    private const string PatternFile = "name: conformance\nservices: {}\n";

    public override string Name => "designs";

    protected override string Feature => Capabilities.Features.PersistMesheryPatterns;

    protected override StatusRule UpdateStatus => new(201, AlsoAccepted: [200]);

    protected override bool UpdatesById => false;

    protected override async Task<Guid> CreateAsync(ProviderCaller caller, string name, CancellationToken cancellationToken) =>
        (await Session.Client.Designs.SaveAsync(caller, new Design { Name = name, PatternFile = PatternFile }, null, cancellationToken)).Value.Id;

    protected override async Task<EntityView?> ReadAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        await Session.Client.Designs.GetAsync(caller, id, cancellationToken) is { } stored
            ? new EntityView(stored.Value.Id, stored.Value.Name, stored.ETag)
            : null;

    protected override async Task<Guid> UpdateAsync(ProviderCaller caller, Guid id, string name, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = (await Session.Client.Designs.GetAsync(caller, id, cancellationToken))?.Value ?? new Design { Id = id, PatternFile = PatternFile };
        return (await Session.Client.Designs.SaveAsync(caller, current with { Name = name }, ifMatch, cancellationToken)).Value.Id;
    }

    protected override async Task<EntityList> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        var list = await Session.Client.Designs.ListAsync(caller, new DesignQuery { Page = page }, cancellationToken);
        return new EntityList([.. list.Patterns.Select(p => p.Id)], list.TotalCount);
    }

    protected override Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Session.Client.Designs.DeleteAsync(caller, id, cancellationToken);

    protected override SnakeCaseCase? SnakeCase(string name)
    {
        var body = $$"""{"name":"{{name}}","save":true,"pattern_data":{"name":"{{name}}","pattern_file":"name: snake\n"} }""";
        return new SnakeCaseCase(body, "patternFile", async (id, ct) =>
        {
            var stored = (await Session.Client.Designs.GetAsync(Session.User, id, ct))?.Value;
            return stored?.PatternFile == "name: snake\n" ? null : $"'pattern_data.pattern_file' was not taken: read back '{stored?.PatternFile}'";
        });
    }
}

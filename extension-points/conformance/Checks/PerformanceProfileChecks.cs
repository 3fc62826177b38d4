using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Performance;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary><c>persist-performance-profiles</c>: a save (create or update by id) is a POST.</summary>
internal sealed class PerformanceProfileChecks(ConformanceSession session) : EntitySuite(session)
{
    public override string Name => "performance-profiles";

    protected override string Feature => Capabilities.Features.PersistPerformanceProfiles;

    protected override StatusRule UpdateStatus => new(201, AlsoAccepted: [200]);

    protected override bool UpdatesById => false;

    public static PerformanceProfile NewProfile(string name) => new()
    {
        Name = name,
        Endpoints = ["https://example.com/"],
        LoadGenerators = ["fortio"],
        ConcurrentRequest = 1,
        Qps = 1,
        Duration = "10s",
    };

    protected override async Task<Guid> CreateAsync(ProviderCaller caller, string name, CancellationToken cancellationToken) =>
        (await Session.Client.PerformanceProfiles.SaveAsync(caller, NewProfile(name), null, cancellationToken)).Value.Id;

    protected override async Task<EntityView?> ReadAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        await Session.Client.PerformanceProfiles.GetAsync(caller, id, cancellationToken) is { } stored
            ? new EntityView(stored.Value.Id, stored.Value.Name, stored.ETag)
            : null;

    protected override async Task<Guid> UpdateAsync(ProviderCaller caller, Guid id, string name, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = (await Session.Client.PerformanceProfiles.GetAsync(caller, id, cancellationToken))?.Value ?? NewProfile(name) with { Id = id };
        return (await Session.Client.PerformanceProfiles.SaveAsync(caller, current with { Name = name }, ifMatch, cancellationToken)).Value.Id;
    }

    protected override async Task<EntityList> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        var list = await Session.Client.PerformanceProfiles.ListAsync(caller, page, cancellationToken);
        return new EntityList([.. list.Profiles.Select(p => p.Id)], list.TotalCount);
    }

    protected override Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Session.Client.PerformanceProfiles.DeleteAsync(caller, id, cancellationToken);

    protected override SnakeCaseCase? SnakeCase(string name)
    {
        var body = $$"""{"name":"{{name}}","endpoints":["https://example.com/"],"load_generators":["fortio"],"concurrent_request":3,"qps":2,"duration":"5s","service_mesh":"none"}""";
        return new SnakeCaseCase(body, "concurrentRequest", async (id, ct) =>
        {
            var stored = (await Session.Client.PerformanceProfiles.GetAsync(Session.User, id, ct))?.Value;
            return stored is { ConcurrentRequest: 3, ServiceMesh: "none" } && stored.LoadGenerators.Contains("fortio")
                ? null
                : "'concurrent_request', 'load_generators' or 'service_mesh' was not taken";
        });
    }
}

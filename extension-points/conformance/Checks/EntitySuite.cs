using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary>
/// The checks every stored entity gets: create, read, update, list, snake_case input, bad input,
/// paging, entity-tag conflicts, isolation between users and delete. A capability supplies how to
/// make, read, change, list and delete one through the client.
/// </summary>
internal abstract partial class EntitySuite(ConformanceSession session) : CheckSuite(session)
{
    private readonly List<Guid> _created = [];
    private Guid? _id;

    public override IReadOnlyList<string> Features => [Feature];

    protected abstract string Feature { get; }

    protected virtual StatusRule CreateStatus => new(201, Lenient: [200]);

    protected virtual StatusRule UpdateStatus => 200;

    protected virtual StatusRule DeleteStatus => new(204, Lenient: [200]);

    /// <summary>Whether an update names the entity in its path, so another user's update must answer 404.</summary>
    protected virtual bool UpdatesById => true;

    /// <summary>The main entity, once <c>create</c> passed.</summary>
    protected Guid? MainId => _id;

    protected abstract Task<Guid> CreateAsync(ProviderCaller caller, string name, CancellationToken cancellationToken);

    protected abstract Task<EntityView?> ReadAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);

    protected abstract Task<Guid> UpdateAsync(ProviderCaller caller, Guid id, string name, string? ifMatch, CancellationToken cancellationToken);

    protected abstract Task<EntityList> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken);

    protected abstract Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);

    /// <summary>A snake_case create for this entity, or null when none of its members has two words.</summary>
    protected virtual SnakeCaseCase? SnakeCase(string name) => null;

    /// <summary>Checks of this capability alone, run after <c>list</c>.</summary>
    protected virtual IEnumerable<Check> ExtraChecks() => [];

    protected Uri ItemUri(string id) => Session.Endpoint(Feature, "/" + id);

    public override IEnumerable<Check> Checks()
    {
        yield return Define("create", CreateCheckAsync);
        yield return Define("read", ReadCheckAsync);
        yield return Define("update", UpdateCheckAsync);
        yield return Define("list", ListCheckAsync);
        if (SnakeCase("probe") is not null)
        {
            yield return Define("snake-case", SnakeCaseCheckAsync);
        }

        foreach (var check in ExtraChecks())
        {
            yield return check;
        }

        yield return MalformedJson(() => Session.Endpoint(Feature), HttpMethod.Post);
        yield return InvalidId(ItemUri);
        yield return UnknownId(ItemUri);
        yield return PageSize(query => Session.Endpoint(Feature, query));
        yield return Define("paging", PagingCheckAsync);
        yield return Define("etag-conflict", EtagConflictCheckAsync);
        yield return Define("isolation", IsolationCheckAsync);
        yield return Define("delete", DeleteCheckAsync);
    }

    public override async Task CleanupAsync(CancellationToken cancellationToken)
    {
        foreach (var id in _created)
        {
            await Session.CallAsync(() => DeleteAsync(Session.User, id, cancellationToken));
        }

        _created.Clear();
    }

    /// <summary>Remembers an entity made outside the generic checks so cleanup deletes it.</summary>
    protected void Created(Guid id) => _created.Add(id);

    private async Task<string> CreateCheckAsync(CancellationToken cancellationToken)
    {
        var outcome = await Session.CallAsync(() => CreateAsync(Session.User, Session.NameFor(Name + "-main"), cancellationToken));
        var id = Session.Expect(outcome, CreateStatus);
        ConformanceSession.True(id != Guid.Empty, $"{outcome.Exchange} answered an entity without an id");
        _id = id;
        _created.Add(id);
        return $"{outcome.Exchange} -> {outcome.Exchange!.Status}";
    }

    private async Task<string> ReadCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_id, Name + ".create");
        var outcome = await Session.CallAsync(() => ReadAsync(Session.User, id, cancellationToken));
        var view = Session.Expect(outcome, 200);
        ConformanceSession.True(view.Id == id, $"{outcome.Exchange} answered id {view.Id}, not {id}");
        ConformanceSession.True(view.Name == Session.NameFor(Name + "-main"), $"{outcome.Exchange} answered name '{view.Name}', not the one created");
        ConformanceSession.True(view.ETag.Length > 0, $"{outcome.Exchange} answered no ETag header");
        return $"{outcome.Exchange} -> 200 with ETag {view.ETag}";
    }

    private async Task<string> UpdateCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_id, Name + ".create");
        var current = await ReadAsync(Session.User, id, cancellationToken) ?? throw new CheckFailedException($"{Name} {id} could not be read back");
        var renamed = Session.NameFor(Name + "-main-renamed");
        var outcome = await Session.CallAsync(() => UpdateAsync(Session.User, id, renamed, current.ETag, cancellationToken));
        Session.Expect(outcome, UpdateStatus);
        var after = await ReadAsync(Session.User, id, cancellationToken);
        ConformanceSession.True(after?.Name == renamed, $"after {outcome.Exchange} the name is '{after?.Name}', not '{renamed}'");
        ConformanceSession.True(after!.ETag != current.ETag, $"after {outcome.Exchange} the ETag is still {current.ETag}");
        return $"{outcome.Exchange} -> {outcome.Exchange!.Status}, name and ETag changed";
    }

    private async Task<string> ListCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_id, Name + ".create");
        var page = new PageRequest { Page = 0, PageSize = 25, Search = $"{Session.RunId}-{Name}-main" };
        var outcome = await Session.CallAsync(() => ListAsync(Session.User, page, cancellationToken));
        var list = Session.Expect(outcome, 200);
        ConformanceSession.True(list.Ids.Contains(id), $"{outcome.Exchange} does not list {id}");
        ConformanceSession.True(list.TotalCount >= list.Ids.Count, $"{outcome.Exchange} answered totalCount {list.TotalCount} below the {list.Ids.Count} items it holds");
        return $"{outcome.Exchange} -> 200 listing the entity";
    }

    private async Task<string> SnakeCaseCheckAsync(CancellationToken cancellationToken)
    {
        var snake = SnakeCase(Session.NameFor(Name + "-snake"))!;
        var answer = await Session.RawAsync(HttpMethod.Post, Session.Endpoint(Feature), Session.User, snake.Body, cancellationToken);
        var body = Session.ExpectStatus(answer, CreateStatus);
        var id = EntityJson.IdOf(body) ?? throw new CheckFailedException($"{answer.Call} answered no entity id");
        _created.Add(id);
        ConformanceSession.True(
            EntityJson.HasMember(body, snake.CamelMember),
            $"{answer.Call} did not answer camelCase '{snake.CamelMember}'");
        var problem = await snake.VerifyAsync(id, cancellationToken);
        ConformanceSession.True(problem is null, problem!);
        return $"{answer.Call} with snake_case members -> {answer.Status}, taken and answered as camelCase";
    }
}

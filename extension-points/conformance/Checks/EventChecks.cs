using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary><c>persist-events</c> and the fixed <c>/api/events/*</c> paths.</summary>
internal sealed partial class EventChecks(ConformanceSession session) : CheckSuite(session)
{
    private static readonly StatusRule CreateStatus = new(200, Lenient: [201]);
    private readonly List<Guid> _created = [];
    private Guid? _id;

    public override string Name => "events";

    public override IReadOnlyList<string> Features => [Capabilities.Features.PersistEvents];

    private string Category => "conformance-" + Session.RunId;

    public override IEnumerable<Check> Checks()
    {
        yield return Define("create", CreateCheckAsync);
        yield return Define("repeat", RepeatCheckAsync);
        yield return Define("list", ListCheckAsync);
        yield return Define("types", TypesCheckAsync);
        yield return Define("status", StatusCheckAsync);
        yield return Define("bulk-status", BulkStatusCheckAsync);
        yield return Define("snake-case", SnakeCaseCheckAsync);
        yield return MalformedJson(() => Session.Endpoint(Capabilities.Features.PersistEvents), HttpMethod.Post);
        yield return InvalidId(id => Session.At("/api/events/" + id), HttpMethod.Delete);
        yield return UnknownId(id => Session.At("/api/events/" + id), HttpMethod.Delete);
        yield return PageSize(query => Session.At("/api/events/list" + query));
        yield return Define("paging", PagingCheckAsync);
        yield return Define("isolation", IsolationCheckAsync);
        yield return Define("delete", DeleteCheckAsync);
        yield return Define("bulk-delete", BulkDeleteCheckAsync);
    }

    public override async Task CleanupAsync(CancellationToken cancellationToken)
    {
        if (_created.Count > 0)
        {
            await Session.CallAsync(() => Session.Client.Events.DeleteAsync(Session.User, [.. _created], cancellationToken));
            _created.Clear();
        }
    }

    private MesheryEvent NewEvent(string action, string description) => new()
    {
        Id = Guid.NewGuid(),
        Category = Category,
        Action = action,
        Severity = EventSeverities.Informational,
        Status = EventStatuses.Unread,
        Description = description,
    };

    private async Task<Guid> CreateOneAsync(string action, string description, CancellationToken cancellationToken)
    {
        var outcome = await Session.CallAsync(() => Session.Client.Events.CreateAsync(Session.User, NewEvent(action, description), cancellationToken));
        var created = Session.Expect(outcome, CreateStatus);
        _created.Add(created.Id);
        return created.Id;
    }

    private Task<EventPage> ListMineAsync(ProviderCaller caller, CancellationToken cancellationToken, string? status = null, PageRequest? page = null) =>
        Session.Client.Events.ListAsync(caller, new EventQuery { Page = page ?? new PageRequest { PageSize = 100 }, Category = [Category], Status = status }, cancellationToken);

    private async Task<string> CreateCheckAsync(CancellationToken cancellationToken)
    {
        var @event = NewEvent("check", Session.NameFor("events-main"));
        var outcome = await Session.CallAsync(() => Session.Client.Events.CreateAsync(Session.User, @event, cancellationToken));
        var created = Session.Expect(outcome, CreateStatus);
        ConformanceSession.True(created.Id == @event.Id, $"{outcome.Exchange} answered event {created.Id}, not the {@event.Id} posted");
        _id = created.Id;
        _created.Add(created.Id);
        return $"{outcome.Exchange} -> {outcome.Exchange!.Status}";
    }

    private async Task<string> RepeatCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_id, "events.create");
        var again = NewEvent("check", "a repeat must not replace the stored event") with { Id = id };
        var outcome = await Session.CallAsync(() => Session.Client.Events.CreateAsync(Session.User, again, cancellationToken));
        var stored = Session.Expect(outcome, CreateStatus);
        ConformanceSession.True(stored.Description == Session.NameFor("events-main"), $"posting event {id} again answered description '{stored.Description}'");
        var page = await ListMineAsync(Session.User, cancellationToken);
        ConformanceSession.True(page.Data.Count(e => e.Id == id) == 1, $"event {id} is listed {page.Data.Count(e => e.Id == id)} times after a repeat");
        return $"{outcome.Exchange} of a stored id -> {outcome.Exchange!.Status} with the stored event";
    }

    private async Task<string> ListCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_id, "events.create");
        var outcome = await Session.CallAsync(() => ListMineAsync(Session.User, cancellationToken));
        var page = Session.Expect(outcome, 200);
        ConformanceSession.True(page.Data.Any(e => e.Id == id), $"{outcome.Exchange} does not list event {id}");
        ConformanceSession.True(page.TotalCount == page.Data.Count, $"{outcome.Exchange} answered totalCount {page.TotalCount} for {page.Data.Count} events of the category");
        return $"{outcome.Exchange} -> 200, filtered by category";
    }

    private async Task<string> TypesCheckAsync(CancellationToken cancellationToken)
    {
        ConformanceSession.Needs(_id, "events.create");
        var outcome = await Session.CallAsync(() => Session.Client.Events.ListTypesAsync(Session.User, cancellationToken));
        var types = Session.Expect(outcome, 200);
        ConformanceSession.True(types.Any(t => t.Category == Category && t.Action == "check"), $"{outcome.Exchange} does not list ({Category}, check)");
        return $"{outcome.Exchange} -> 200 with the event's category and action";
    }

    private async Task<string> StatusCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_id, "events.create");
        var outcome = await Session.CallAsync(() => Session.Client.Events.UpdateStatusAsync(Session.User, [id], EventStatuses.Read, cancellationToken));
        ConformanceSession.True(Session.Expect(outcome, 200) == 1, $"{outcome.Exchange} changed nothing");
        var read = await ListMineAsync(Session.User, cancellationToken, EventStatuses.Read);
        ConformanceSession.True(read.Data.Any(e => e.Id == id && e.Status == EventStatuses.Read), "the event is not listed as read");
        ConformanceSession.True(read.ReadCount >= 1, $"the list answered readCount {read.ReadCount}");
        return $"{outcome.Exchange} -> 200; listed as read";
    }

    private async Task<string> BulkStatusCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_id, "events.create");
        var second = await CreateOneAsync("check", Session.NameFor("events-second"), cancellationToken);
        var outcome = await Session.CallAsync(() => Session.Client.Events.UpdateStatusAsync(Session.User, [id, second], EventStatuses.Unread, cancellationToken));
        var count = Session.Expect(outcome, 200);
        ConformanceSession.True(count == 2, $"{outcome.Exchange} answered count {count}, expected 2");
        return $"{outcome.Exchange} -> 200 {{\"count\": 2}}";
    }
}

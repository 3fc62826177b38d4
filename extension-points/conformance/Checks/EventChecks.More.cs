using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary>The snake_case, paging, isolation and delete checks of events.</summary>
internal sealed partial class EventChecks
{
    private async Task<string> SnakeCaseCheckAsync(CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var actedUpon = Guid.NewGuid();
        var body = $$"""{"id":"{{id:D}}","category":"{{Category}}","action":"snake","severity":"warning","status":"unread","description":"snake_case","acted_upon":"{{actedUpon:D}}","operation_id":"{{Guid.NewGuid():D}}"}""";
        var answer = await Session.RawAsync(HttpMethod.Post, Session.Endpoint(Capabilities.Features.PersistEvents), Session.User, body, cancellationToken);
        var text = Session.ExpectStatus(answer, CreateStatus);
        _created.Add(id);
        ConformanceSession.True(EntityJson.HasMember(text, "actedUpon"), $"{answer.Call} did not answer camelCase 'actedUpon'");
        var page = await Session.Client.Events.ListAsync(Session.User, new EventQuery { ActedUpon = [actedUpon] }, cancellationToken);
        ConformanceSession.True(page.Data.Any(e => e.Id == id && e.ActedUpon == actedUpon), "'acted_upon' was not taken (the acted_upon filter does not find the event)");
        return $"{answer.Call} with snake_case members -> {answer.Status}, taken and answered as camelCase";
    }

    private async Task<string> PagingCheckAsync(CancellationToken cancellationToken)
    {
        var size = Session.Options.PagingPageSize;
        var made = new HashSet<Guid>();
        for (var i = 0; i < size * 3; i++)
        {
            made.Add(await CreateOneAsync("page", Session.NameFor($"events-page-{i}"), cancellationToken));
        }

        var seen = new HashSet<Guid>();
        for (var number = 0; number <= 3; number++)
        {
            var query = new EventQuery { Page = new PageRequest { Page = number, PageSize = size }, Category = [Category], Action = ["page"] };
            var outcome = await Session.CallAsync(() => Session.Client.Events.ListAsync(Session.User, query, cancellationToken));
            var page = Session.Expect(outcome, 200);
            var expected = number < 3 ? size : 0;
            ConformanceSession.True(page.Data.Count == expected, $"{outcome.Exchange} answered {page.Data.Count} events, expected {expected}");
            ConformanceSession.True(page.TotalCount == made.Count, $"{outcome.Exchange} answered totalCount {page.TotalCount}, expected {made.Count}");
            foreach (var @event in page.Data)
            {
                ConformanceSession.True(seen.Add(@event.Id), $"{outcome.Exchange} repeats event {@event.Id} from an earlier page");
            }
        }

        ConformanceSession.True(seen.SetEquals(made), $"walking the pages found {seen.Count} of the {made.Count} events posted");
        return $"{made.Count} events walked in 3 pages of {size}, totals consistent";
    }

    private async Task<string> IsolationCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_id, "events.create");
        var other = Session.RequireSecondUser();
        var theirs = await ListMineAsync(other, cancellationToken);
        ConformanceSession.True(theirs.Data.All(e => e.Id != id), "the second user lists the first user's event");
        var status = await Session.CallAsync(() => Session.Client.Events.UpdateStatusAsync(other, [id], EventStatuses.Read, cancellationToken));
        Session.ExpectStatus(status, 404);
        var delete = await Session.CallAsync(() => Session.Client.Events.DeleteAsync(other, [id], cancellationToken));
        Session.ExpectStatus(delete, 404);
        var mine = await ListMineAsync(Session.User, cancellationToken);
        ConformanceSession.True(mine.Data.Any(e => e.Id == id), "the first user's event is gone after the second user's delete");
        return "the second user gets 404 changing and deleting it, and never lists it";
    }

    private async Task<string> DeleteCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_id, "events.create");
        var outcome = await Session.CallAsync(() => Session.Client.Events.DeleteAsync(Session.User, [id], cancellationToken));
        ConformanceSession.True(Session.Expect(outcome, new StatusRule(200, Lenient: [204])) == 1, $"{outcome.Exchange} deleted nothing");
        var again = await Session.CallAsync(() => Session.Client.Events.DeleteAsync(Session.User, [id], cancellationToken));
        Session.ExpectStatus(again, 404);
        _created.Remove(id);
        return $"{outcome.Exchange} -> {outcome.Exchange!.Status}; again -> 404";
    }

    private async Task<string> BulkDeleteCheckAsync(CancellationToken cancellationToken)
    {
        ConformanceSession.True(_created.Count >= 2, "fewer than two events are left to delete; earlier checks failed");
        var ids = _created.ToArray();
        var outcome = await Session.CallAsync(() => Session.Client.Events.DeleteAsync(Session.User, ids, cancellationToken));
        var count = Session.Expect(outcome, 200);
        ConformanceSession.True(count == ids.Length, $"{outcome.Exchange} answered count {count}, expected {ids.Length}");
        _created.Clear();
        var left = await ListMineAsync(Session.User, cancellationToken);
        ConformanceSession.True(left.Data.Count == 0, $"{left.Data.Count} events are still listed after the bulk delete");
        return $"{outcome.Exchange} -> 200 {{\"count\": {count}}}; none left";
    }
}

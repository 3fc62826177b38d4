using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary>The paging, concurrency, isolation and delete checks of every entity.</summary>
internal abstract partial class EntitySuite
{
    private async Task<string> PagingCheckAsync(CancellationToken cancellationToken)
    {
        var size = Session.Options.PagingPageSize;
        var made = new HashSet<Guid>();
        for (var i = 0; i < size * 3; i++)
        {
            var outcome = await Session.CallAsync(() => CreateAsync(Session.User, Session.NameFor($"{Name}-page-{i}"), cancellationToken));
            var id = Session.Expect(outcome, CreateStatus);
            _created.Add(id);
            made.Add(id);
        }

        var seen = new HashSet<Guid>();
        for (var number = 0; number <= 3; number++)
        {
            var page = new PageRequest { Page = number, PageSize = size, Search = $"{Session.RunId}-{Name}-page" };
            var outcome = await Session.CallAsync(() => ListAsync(Session.User, page, cancellationToken));
            var list = Session.Expect(outcome, 200);
            var expected = number < 3 ? size : 0;
            ConformanceSession.True(list.Ids.Count == expected, $"{outcome.Exchange} answered {list.Ids.Count} items, expected {expected}");
            ConformanceSession.True(list.TotalCount == made.Count, $"{outcome.Exchange} answered totalCount {list.TotalCount}, expected {made.Count}");
            foreach (var id in list.Ids)
            {
                ConformanceSession.True(seen.Add(id), $"{outcome.Exchange} repeats {id} from an earlier page");
            }
        }

        ConformanceSession.True(seen.SetEquals(made), $"walking the pages found {seen.Count} of the {made.Count} entities created");
        return $"{made.Count} entities walked in 3 pages of {size}, totals consistent";
    }

    private async Task<string> EtagConflictCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_id, Name + ".create");
        var current = await ReadAsync(Session.User, id, cancellationToken) ?? throw new CheckFailedException($"{Name} {id} could not be read back");
        ConformanceSession.True(current.ETag.Length > 0, $"reading {Name} {id} answered no ETag header");
        var first = await Session.CallAsync(() => UpdateAsync(Session.User, id, Session.NameFor(Name + "-main-first"), current.ETag, cancellationToken));
        Session.Expect(first, UpdateStatus);
        var second = await Session.CallAsync(() => UpdateAsync(Session.User, id, Session.NameFor(Name + "-main-second"), current.ETag, cancellationToken));
        Session.ExpectStatus(second, 412);
        var after = await ReadAsync(Session.User, id, cancellationToken);
        ConformanceSession.True(
            after?.Name == Session.NameFor(Name + "-main-first"), $"the update refused with 412 still changed the name to '{after?.Name}'");
        return $"second {second.Exchange} with the stale ETag {current.ETag} -> 412";
    }

    private async Task<string> IsolationCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_id, Name + ".create");
        var other = Session.RequireSecondUser();
        var read = await Session.CallAsync(() => ReadAsync(other, id, cancellationToken));
        Session.ExpectStatus(read, 404);
        var page = new PageRequest { Page = 0, PageSize = 100, Search = Session.RunId };
        var list = Session.Expect(await Session.CallAsync(() => ListAsync(other, page, cancellationToken)), 200);
        ConformanceSession.True(!list.Ids.Contains(id), $"the second user's list shows the first user's {Name} {id}");
        if (UpdatesById)
        {
            var update = await Session.CallAsync(() => UpdateAsync(other, id, Session.NameFor(Name + "-stolen"), null, cancellationToken));
            Session.ExpectStatus(update, 404);
        }

        var delete = await Session.CallAsync(() => DeleteAsync(other, id, cancellationToken));
        Session.ExpectStatus(delete, 404);
        var still = await ReadAsync(Session.User, id, cancellationToken);
        ConformanceSession.True(still is not null, $"the first user's {Name} {id} is gone after the second user's delete");
        ConformanceSession.True(still!.Name != Session.NameFor(Name + "-stolen"), $"the second user renamed the first user's {Name} {id}");
        return UpdatesById
            ? "the second user gets 404 reading, changing and deleting it, and never lists it"
            : "the second user gets 404 reading and deleting it, and never lists it";
    }

    private async Task<string> DeleteCheckAsync(CancellationToken cancellationToken)
    {
        var id = ConformanceSession.Needs(_id, Name + ".create");
        var outcome = await Session.CallAsync(() => DeleteAsync(Session.User, id, cancellationToken));
        Session.Expect(outcome, DeleteStatus);
        var read = await Session.CallAsync(() => ReadAsync(Session.User, id, cancellationToken));
        Session.ExpectStatus(read, 404);
        var again = await Session.CallAsync(() => DeleteAsync(Session.User, id, cancellationToken));
        Session.ExpectStatus(again, 404);
        _created.Remove(id);
        return $"{outcome.Exchange} -> {outcome.Exchange!.Status}; then reading and deleting it again -> 404";
    }
}

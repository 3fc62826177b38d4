using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Conformance.Running;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary><c>users-profile</c>: the caller's profile, by itself and by id; nobody else's.</summary>
internal sealed class UserProfileChecks(ConformanceSession session) : CheckSuite(session)
{
    private Guid? _id;

    public override string Name => "users-profile";

    public override IReadOnlyList<string> Features => [Capabilities.Features.UsersProfile];

    public override IEnumerable<Check> Checks()
    {
        yield return Define("current", async ct =>
        {
            var outcome = await Session.CallAsync(() => Session.Client.Users.GetCurrentAsync(Session.User, ct));
            var user = Session.Expect(outcome, 200);
            ConformanceSession.True(user.Id != Guid.Empty, $"{outcome.Exchange} answered a user without an id");
            _id = user.Id;
            Session.User = Session.User with { UserId = user.Id };
            return $"{outcome.Exchange} -> 200, user {user.Id}";
        });
        yield return Define("by-id", async ct =>
        {
            var id = ConformanceSession.Needs(_id, "users-profile.current");
            var outcome = await Session.CallAsync(() => Session.Client.Users.GetAsync(Session.User, id, ct));
            var user = Session.Expect(outcome, 200);
            ConformanceSession.True(user.Id == id, $"{outcome.Exchange} answered user {user.Id}");
            return $"{outcome.Exchange} -> 200";
        });
        yield return InvalidId(id => Session.Endpoint(Capabilities.Features.UsersProfile, "/" + id));
        yield return UnknownId(id => Session.Endpoint(Capabilities.Features.UsersProfile, "/" + id));
        yield return Define("isolation", async ct =>
        {
            var id = ConformanceSession.Needs(_id, "users-profile.current");
            var other = Session.RequireSecondUser();
            var theirs = Session.Expect(await Session.CallAsync(() => Session.Client.Users.GetCurrentAsync(other, ct)), 200);
            ConformanceSession.True(theirs.Id != id, "both tokens answer the same user; give tokens of two users");
            Session.SecondUser = other with { UserId = theirs.Id };
            var outcome = await Session.CallAsync(() => Session.Client.Users.GetAsync(other, id, ct));
            Session.ExpectStatus(outcome, 404);
            return "the second user is someone else and gets 404 for the first user's profile";
        });
    }
}

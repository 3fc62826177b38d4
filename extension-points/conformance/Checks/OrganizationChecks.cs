using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary><c>organizations</c>: the caller's organizations, listed and read (the first one is used by later suites).</summary>
internal sealed class OrganizationChecks(ConformanceSession session) : CheckSuite(session)
{
    public override string Name => "organizations";

    public override IReadOnlyList<string> Features => [Capabilities.Features.Organizations];

    public override IEnumerable<Check> Checks()
    {
        yield return Define("list", async ct =>
        {
            var page = new PageRequest { PageSize = 25 };
            var outcome = await Session.CallAsync(() => Session.Client.Organizations.ListAsync(Session.User, page, ct));
            var list = Session.Expect(outcome, new StatusRule(200, Lenient: [204]));
            ConformanceSession.True(list.Organizations.Count <= page.PageSize, $"{outcome.Exchange} answered more items than the page size");
            ConformanceSession.True(list.TotalCount >= list.Organizations.Count, $"{outcome.Exchange} answered totalCount {list.TotalCount} below its {list.Organizations.Count} items");
            Session.OrganizationId = list.Organizations.FirstOrDefault()?.Id;
            return $"{outcome.Exchange} -> {outcome.Exchange!.Status}, {list.TotalCount} organization(s)";
        });
        yield return Define("read", async ct =>
        {
            var id = Session.OrganizationId ?? throw CheckFailedException.Skipped("the user belongs to no organization");
            var outcome = await Session.CallAsync(() => Session.Client.Organizations.GetAsync(Session.User, id, ct));
            var organization = Session.Expect(outcome, 200);
            ConformanceSession.True(organization.Id == id, $"{outcome.Exchange} answered organization {organization.Id}");
            return $"{outcome.Exchange} -> 200";
        });
        yield return InvalidId(id => Session.Endpoint(Capabilities.Features.Organizations, "/" + id));
        yield return UnknownId(id => Session.Endpoint(Capabilities.Features.Organizations, "/" + id));
        yield return PageSize(query => Session.Endpoint(Capabilities.Features.Organizations, query));
    }
}

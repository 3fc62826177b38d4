using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Meshery.Agent.Tests.Support;

namespace Meshery.Agent.Tests.Http;

/// <summary>Every way a request can be wrong answers <c>application/problem+json</c> with a status and a detail.</summary>
public sealed class ProblemDetailsTests(AgentHost host) : IClassFixture<AgentHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> BodyRoutes { get; } = new()
    {
        { "POST", "/api/environments" },
        { "PUT", $"/api/environments/{Guid.NewGuid()}" },
        { "POST", "/api/user/prefs" },
        { "POST", "/api/integrations/connections" },
        { "POST", "/api/user/performance/profiles" },
        { "POST", "/api/pattern" },
        { "PUT", $"/api/events/status/{Guid.NewGuid()}" },
        { "PUT", "/api/events/status/bulk" },
        { "DELETE", "/api/events/bulk" },
    };

    public static TheoryData<string> ListRoutes { get; } = new()
    {
        "/api/environments",
        "/api/integrations/connections",
        "/api/user/performance/profiles",
        "/api/user/performance/profiles/results",
        "/api/pattern",
        "/api/v2/events",
    };

    [Theory]
    [MemberData(nameof(BodyRoutes))]
    public async Task Malformed_json_is_a_400_naming_the_position(string method, string route)
    {
        using var response = await SendAsync(method, route, AgentHttp.Json("""{"name": "x", oops}"""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "not valid JSON for this call at line 1");
    }

    [Theory]
    [MemberData(nameof(BodyRoutes))]
    public async Task An_empty_body_is_a_400(string method, string route)
    {
        using var response = await SendAsync(method, route, new ByteArrayContent([]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "The request body is empty");
    }

    [Theory]
    [MemberData(nameof(BodyRoutes))]
    public async Task A_wrong_content_type_is_a_415(string method, string route)
    {
        using var response = await SendAsync(method, route, new StringContent("<name>x</name>", Encoding.UTF8, "application/xml"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "application/xml");
    }

    [Fact]
    public async Task Json_that_is_not_an_object_of_the_right_shape_is_a_400()
    {
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/environments", HttpStatusCode.BadRequest, "not valid JSON", "[1,2]");
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/environments", HttpStatusCode.BadRequest, "not valid JSON", """{"name":"x","organizationId":"not-a-guid"}""");
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/environments", HttpStatusCode.BadRequest, "null", "null");
    }

    [Theory]
    [MemberData(nameof(ListRoutes))]
    public async Task Out_of_range_paging_is_a_400(string route)
    {
        foreach (var query in new[] { "pagesize=0", "pagesize=5000", "pagesize=abc", "page_size=0", "pageSize=1001", "page=-1", "page=x", "page=1000001" })
        {
            await host.Client.SendProblemAsync(HttpMethod.Get, $"{route}?{query}", HttpStatusCode.BadRequest, query.StartsWith("page=", StringComparison.Ordinal) ? "'page'" : "'pagesize'");
        }

        await host.Client.SendProblemAsync(HttpMethod.Get, $"{route}?search={new string('s', 201)}", HttpStatusCode.BadRequest, "'search'");
        var largest = await host.Client.GetOkAsync($"{route}?pagesize=1000&page=1000000");
        Assert.Equal(1000, (int)largest["pageSize"]!);
        var all = await host.Client.GetOkAsync($"{route}?pagesize=all");
        Assert.Equal(1000, (int)all["pageSize"]!);
    }

    [Theory]
    [InlineData("/api/environments/{0}")]
    [InlineData("/api/environments/{0}/connections")]
    [InlineData("/api/user/performance/profiles/{0}")]
    [InlineData("/api/user/performance/profiles/{0}/results")]
    [InlineData("/api/perf/profile/result/{0}")]
    [InlineData("/api/pattern/{0}")]
    [InlineData("/api/pattern/download/{0}")]
    public async Task Non_uuid_ids_are_400_and_unknown_ones_404(string template)
    {
        foreach (var bad in new[] { "abc", "12345", Guid.Empty.ToString(), "a449604d-3f10-58f4-95ff" })
        {
            await host.Client.SendProblemAsync(HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, bad), HttpStatusCode.BadRequest, "must be a UUID");
        }

        var unknown = Guid.NewGuid().ToString();
        await host.Client.SendProblemAsync(HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, unknown), HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task Problem_details_carry_type_title_and_trace_id()
    {
        var problem = await host.Client.SendProblemAsync(HttpMethod.Get, "/api/environments/abc", HttpStatusCode.BadRequest);

        Assert.StartsWith("https://tools.ietf.org/html/rfc9110", (string?)problem["type"], StringComparison.Ordinal);
        Assert.Equal("Bad Request", (string?)problem["title"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["traceId"]));
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string route, HttpContent content)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = content };
        return await host.Client.SendAsync(request, Ct);
    }
}

using System.Net;

namespace Meshery.Provider.Tests.Api;

public abstract partial class ProviderApiSuite
{
    [Theory]
    [InlineData("POST", "api/environments")]
    [InlineData("PUT", "user/preferences")]
    [InlineData("POST", "api/integrations/connections")]
    [InlineData("POST", "api/content/patterns")]
    [InlineData("POST", "api/events")]
    public async Task Malformed_json_answers_400_problem_details(string method, string path)
    {
        var (_, token) = NewUser();

        using var response = await SendAsync(new HttpMethod(method), path, token, rawJson: """{"name": "unterminated""");

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("api/environments/not-a-uuid")]
    [InlineData("api/integrations/connections/123")]
    [InlineData("api/content/patterns/xyz")]
    [InlineData("result/nope")]
    public async Task Bad_ids_answer_400_and_unknown_ids_404(string path)
    {
        var (_, token) = NewUser();

        using var bad = await SendAsync(HttpMethod.Get, path, token);
        using var unknown = await SendAsync(HttpMethod.Get, path[..(path.LastIndexOf('/') + 1)] + Guid.NewGuid(), token);

        await ProblemAsync(bad, HttpStatusCode.BadRequest);
        await ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("pagesize=0")]
    [InlineData("pagesize=5000")]
    [InlineData("page=-1")]
    [InlineData("pagesize=abc")]
    public async Task Paging_out_of_range_answers_400(string query)
    {
        var (_, token) = NewUser();

        using var response = await SendAsync(HttpMethod.Get, "api/environments?" + query, token);

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_oversized_body_answers_413()
    {
        var (_, token) = NewUser();
        var big = new string('x', (int)Provider.MaxRequestBodyBytes + 1024);

        // As careful clients do, ask before sending: the provider refuses on the declared length alone.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/content/patterns", UriKind.Relative))
        {
            Content = new StringContent($$$"""{"name":"big","patternData":{"name":"big","patternFile":"{{{big}}}"}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.ExpectContinue = true;
        using var response = await Provider.Client.SendAsync(request, Ct);

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}

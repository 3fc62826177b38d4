using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Meshery.Agent.Tests.Support;

namespace Meshery.Agent.Tests.Http;

/// <summary>A host with a 64 KiB body limit: anything larger is a 413, and smaller bodies still pass.</summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private const int Limit = 64 * 1024;
    private AgentHost? _host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _host = await AgentHost.StartAsync([$"--Meshery:Agent:MaxRequestBodyBytes={Limit}"]);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/api/pattern")]
    [InlineData("/api/environments")]
    [InlineData("/api/user/prefs")]
    public async Task A_body_over_the_limit_is_a_413_with_or_without_a_length(string route)
    {
        var big = $$$"""{"name":"big","description":"{{{new string('d', Limit + 1024)}}}","patternData":{"patternFile":"x"}}""";

        using var withLength = await _host!.Client.PostAsync(route, AgentHttp.Json(big), Ct);
        await withLength.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "larger than this server accepts");

        using var chunked = new HttpRequestMessage(HttpMethod.Post, route)
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        chunked.Headers.TransferEncodingChunked = true;
        using var withoutLength = await _host.Client.SendAsync(chunked, Ct);
        await withoutLength.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "larger than this server accepts");
    }

    [Fact]
    public async Task A_body_under_the_limit_is_accepted()
    {
        var pattern = new string('p', Limit / 2);

        using var saved = await _host!.Client.PostJsonAsync("/api/pattern", $$$"""{"name":"fits","patternData":{"patternFile":"{{{pattern}}}"}}""");

        Assert.Equal(pattern, (string?)Assert.Single((await saved.ReadOkAsync()).AsArray())!["patternFile"]);
    }
}

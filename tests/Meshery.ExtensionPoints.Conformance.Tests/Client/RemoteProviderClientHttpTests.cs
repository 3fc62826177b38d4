using System.Net;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Client;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Conformance.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Meshery.ExtensionPoints.Conformance.Tests.Client;

/// <summary>What the client puts on the wire and how it reads answers, against a stub handler.</summary>
public sealed class RemoteProviderClientHttpTests : IDisposable
{
    private static readonly Uri Provider = new("https://provider.test/base/");
    private readonly StubProvider _stub = new();
    private readonly HttpClient _http;
    private readonly ProviderCaller _caller = new(Guid.NewGuid(), "token-123", Guid.Parse("5c1e5c1e-0000-4000-8000-000000000001"));

    public RemoteProviderClientHttpTests() => _http = new HttpClient(_stub);

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Calls_carry_the_bearer_the_system_id_the_list_parameters_and_use_the_advertised_endpoint()
    {
        _stub.Capabilities = [new(Features.Environments, "/custom/envs")];
        _stub.Answer = (_, _) => Task.FromResult(StubProvider.Json(HttpStatusCode.OK, """{"page":2,"pageSize":5,"totalCount":0,"environments":[]}"""));
        var client = Client();

        var page = await client.Environments.ListAsync(
            _caller, new PageRequest { Page = 2, PageSize = 5, Search = "a b", Order = "name asc" }, Guid.Parse("0b0b0b0b-0000-4000-8000-000000000002"), TestContext.Current.CancellationToken);

        var request = _stub.LastCall;
        Assert.Equal("https://provider.test/base/custom/envs?page=2&pagesize=5&search=a%20b&order=name%20asc&orgId=0b0b0b0b-0000-4000-8000-000000000002", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer token-123", request.Headers.GetValues("Authorization").Single());
        Assert.Equal("5c1e5c1e-0000-4000-8000-000000000001", request.Headers.GetValues("SystemID").Single());
        Assert.Equal(2, page.Page);
        Assert.Equal("https://provider.test/base/v0.8.0/capabilities", _stub.Requests[0].Request.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task An_update_sends_if_match_and_reads_the_etag_into_stored()
    {
        var id = Guid.NewGuid();
        _stub.Answer = (_, _) =>
        {
            var answer = StubProvider.Json(HttpStatusCode.OK, $$"""{"id":"{{id}}","name":"renamed"}""");
            answer.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"8\"");
            return Task.FromResult(answer);
        };

        var stored = await Client().Environments.UpdateAsync(_caller, id, new EnvironmentPayload { Name = "renamed" }, "\"7\"", TestContext.Current.CancellationToken);

        Assert.Equal("\"7\"", _stub.LastCall.Headers.GetValues("If-Match").Single());
        Assert.Equal(HttpMethod.Put, _stub.LastCall.Method);
        Assert.Equal("{\"name\":\"renamed\"}", _stub.LastBody);
        Assert.Equal("\"8\"", stored.ETag);
        Assert.Equal("renamed", stored.Value.Name);
    }

    [Theory]
    [InlineData(400, ProviderErrorKind.Invalid)]
    [InlineData(401, ProviderErrorKind.Unauthorized)]
    [InlineData(403, ProviderErrorKind.Forbidden)]
    [InlineData(404, ProviderErrorKind.NotFound)]
    [InlineData(409, ProviderErrorKind.Conflict)]
    [InlineData(412, ProviderErrorKind.PreconditionFailed)]
    [InlineData(413, ProviderErrorKind.Invalid)]
    [InlineData(429, ProviderErrorKind.Unavailable)]
    [InlineData(500, ProviderErrorKind.Unavailable)]
    [InlineData(503, ProviderErrorKind.Unavailable)]
    public async Task Failure_statuses_become_provider_errors_carrying_the_problem_detail(int status, ProviderErrorKind kind)
    {
        _stub.Answer = (_, _) => Task.FromResult(StubProvider.Problem((HttpStatusCode)status, "the detail from the provider"));

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Client().Environments.CreateAsync(_caller, new EnvironmentPayload { Name = "x" }, TestContext.Current.CancellationToken));

        Assert.Equal(kind, error.Kind);
        Assert.Contains($"answered {status}", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST /base/api/environments: the detail from the provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_reads_are_null_and_not_found_deletes_are_false()
    {
        _stub.Answer = (_, _) => Task.FromResult(StubProvider.Problem(HttpStatusCode.NotFound, "gone"));
        var client = Client();

        Assert.Null(await client.Environments.GetAsync(_caller, Guid.NewGuid(), TestContext.Current.CancellationToken));
        Assert.False(await client.Designs.DeleteAsync(_caller, Guid.NewGuid(), TestContext.Current.CancellationToken));
        Assert.Null(await client.Connections.DeleteAsync(_caller, Guid.NewGuid(), TestContext.Current.CancellationToken));
        Assert.Equal(0, await client.Events.DeleteAsync(_caller, [Guid.NewGuid()], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_204_list_is_an_empty_page()
    {
        _stub.Answer = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));

        var page = await Client().Workspaces.ListAsync(_caller, new PageRequest { Page = 1, PageSize = 10 }, null, TestContext.Current.CancellationToken);

        Assert.Empty(page.Workspaces);
        Assert.Equal((1, 10, 0), (page.Page, page.PageSize, page.TotalCount));
    }

    [Fact]
    public async Task A_feature_the_provider_does_not_advertise_fails_clearly_without_a_call()
    {
        _stub.Capabilities = [new(Features.Environments, "/api/environments")];

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Client().Workspaces.ListAsync(_caller, new PageRequest(), null, TestContext.Current.CancellationToken));

        Assert.Equal(ProviderErrorKind.Unavailable, error.Kind);
        Assert.Contains("does not offer 'workspaces'", error.Message, StringComparison.Ordinal);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task The_fixed_event_paths_are_used_only_when_persist_events_is_advertised()
    {
        _stub.Capabilities = [new(Features.Environments, "/api/environments")];

        var error = await Assert.ThrowsAsync<ProviderException>(() => Client().Events.ListTypesAsync(_caller, TestContext.Current.CancellationToken));

        Assert.Contains("does not offer 'persist-events'", error.Message, StringComparison.Ordinal);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task An_endpoint_on_another_host_is_refused_so_the_token_stays_home()
    {
        _stub.Capabilities = [new(Features.Environments, "https://elsewhere.test/api/environments")];

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Client().Environments.GetAsync(_caller, Guid.NewGuid(), TestContext.Current.CancellationToken));

        Assert.Contains("not a path on https://provider.test/base/", error.Message, StringComparison.Ordinal);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task Capabilities_are_retried_on_transport_errors_only()
    {
        var failures = 0;
        using var flaky = new HttpClient(new FlakyHandler(_stub, () => ++failures <= 2));
        var client = new RemoteProviderClient(flaky, Options() with { CapabilitiesAttempts = 3, CapabilitiesRetryDelay = TimeSpan.Zero });

        var document = await client.GetCapabilitiesAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal("stub", document.ProviderName);
        Assert.Equal(3, failures);
    }

    [Fact]
    public async Task Capabilities_give_up_after_the_attempts_and_never_retry_an_answer()
    {
        var calls = 0;
        using var down = new HttpClient(new FlakyHandler(_stub, () => { calls++; return true; }));
        var unreachable = await Assert.ThrowsAsync<ProviderException>(() =>
            new RemoteProviderClient(down, Options() with { CapabilitiesAttempts = 4, CapabilitiesRetryDelay = TimeSpan.Zero })
                .GetCapabilitiesAsync(null, TestContext.Current.CancellationToken));
        Assert.Equal(4, calls);
        Assert.Contains("gave up after 4 attempts", unreachable.Message, StringComparison.Ordinal);

        using var failing = new HttpClient(new AnswerHandler(HttpStatusCode.BadGateway, "{}"));
        var status = await Assert.ThrowsAsync<ProviderException>(() =>
            new RemoteProviderClient(failing, Options() with { CapabilitiesRetryDelay = TimeSpan.Zero }).GetCapabilitiesAsync(null, TestContext.Current.CancellationToken));
        Assert.Contains("answered 502", status.Message, StringComparison.Ordinal);

        using var garbled = new HttpClient(new AnswerHandler(HttpStatusCode.OK, "<html>"));
        var json = await Assert.ThrowsAsync<ProviderException>(() =>
            new RemoteProviderClient(garbled, Options()).GetCapabilitiesAsync(null, TestContext.Current.CancellationToken));
        Assert.Contains("not a valid CapabilitiesDocument", json.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_that_needs_the_capabilities_tries_once_and_the_next_call_tries_again()
    {
        var calls = 0;
        using var down = new HttpClient(new FlakyHandler(_stub, () => ++calls == 1));
        var client = new RemoteProviderClient(down, Options() with { CapabilitiesRetryDelay = TimeSpan.FromMinutes(1) });

        var error = await Assert.ThrowsAsync<ProviderException>(() => client.Users.GetCurrentAsync(_caller, TestContext.Current.CancellationToken));
        var user = await client.Users.GetCurrentAsync(_caller, TestContext.Current.CancellationToken);

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
        Assert.NotNull(user);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task An_answer_over_the_size_limit_fails_the_call()
    {
        _stub.Answer = (_, _) => Task.FromResult(StubProvider.Json(HttpStatusCode.OK, "[" + new string(' ', 4096) + "]"));

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            new RemoteProviderClient(_http, Options() with { MaxResponseBytes = 2048 }).Events.ListTypesAsync(_caller, TestContext.Current.CancellationToken));

        Assert.Equal(ProviderErrorKind.Unavailable, error.Kind);
        Assert.Contains("larger than the limit of 2048 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_that_outlives_the_timeout_fails_as_unavailable()
    {
        var time = new FakeTimeProvider();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _stub.Answer = async (_, ct) =>
        {
            entered.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        };
        var client = new RemoteProviderClient(_http, Options() with { Timeout = TimeSpan.FromSeconds(5) }, time);
        await client.GetCapabilitiesAsync(null, TestContext.Current.CancellationToken);

        var call = client.Users.GetCurrentAsync(_caller, TestContext.Current.CancellationToken);
        await entered.Task.WaitAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<ProviderException>(() => call);
        Assert.Equal(ProviderErrorKind.Unavailable, error.Kind);
        Assert.Contains("did not answer GET /base/api/identity/users/profile within 5 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_checked_when_the_client_is_made()
    {
        Assert.Throws<ArgumentException>(() => new RemoteProviderClient(_http, Options() with { BaseAddress = new Uri("ftp://x/") }));
        Assert.Throws<ArgumentException>(() => new RemoteProviderClient(_http, Options() with { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => new RemoteProviderClient(_http, Options() with { MaxResponseBytes = 10 }));
        Assert.Throws<ArgumentException>(() => new RemoteProviderClient(_http, Options() with { Build = "a/b" }));
    }

    private RemoteProviderClient Client() => new(_http, Options());

    private static RemoteProviderOptions Options() => new() { BaseAddress = Provider, Build = "v0.8.0" };

    private sealed class FlakyHandler(HttpMessageHandler inner, Func<bool> fail) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            fail() ? throw new HttpRequestException("connection refused") : base.SendAsync(request, cancellationToken);
    }

    private sealed class AnswerHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(StubProvider.Json(status, body));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Meshery.Agent.Remote.Tests.Support;
using Meshery.Agent.RemoteProvider.SignIn;

namespace Meshery.Agent.Remote.Tests.Sessions;

/// <summary>Every remote-mode call is checked against the provider: /keys, /introspect, a silent /refresh, and a 401 that says where to sign in.</summary>
[Collection(RemoteStackCollection.Name)]
public sealed class SessionTests(RemoteStackFixture stack)
{
    private const string Prefs = "/api/user/prefs";
    private static readonly string Remote = $"{SessionCookies.Provider}={AgentUnderTest.ProviderName}";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_remote_request_without_a_session_answers_401_problem_details_naming_the_login_url()
    {
        using var session = new AgentSession(stack);
        using var answer = await session.SendWithCookieAsync(HttpMethod.Get, "/api/environments?page=0", Remote);

        var problem = await AssertReloginAsync(answer, "/api/environments?page=0");
        Assert.Contains("no session", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task An_expired_token_without_a_refresh_token_answers_401_with_the_re_login_hint_and_drops_the_cookie()
    {
        using var session = new AgentSession(stack);
        await session.SignInAsync();
        var expired = TokenForge.Jwt(stack.Identity.SigningKey, stack.Identity.Kid, TokenForge.UserId(session.Token!), DateTimeOffset.UtcNow.AddMinutes(-5));

        using var answer = await session.SendWithCookieAsync(HttpMethod.Get, Prefs, $"{Remote}; token={expired}");

        var problem = await AssertReloginAsync(answer, Prefs);
        Assert.Contains("expired", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains(answer.Headers.GetValues("Set-Cookie"), c => c.StartsWith("token=;", StringComparison.Ordinal));
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task An_expired_token_is_refreshed_silently_and_the_cookie_rotated()
    {
        using var session = new AgentSession(stack);
        await session.SignInAsync();
        var original = session.Token!;
        var user = TokenForge.UserId(original);
        var expired = TokenForge.Cookie(
            TokenForge.Jwt(stack.Identity.SigningKey, stack.Identity.Kid, user, DateTimeOffset.UtcNow.AddMinutes(-5)), TokenForge.RefreshToken(original));

        using var answer = await session.SendWithCookieAsync(HttpMethod.Get, Prefs, $"{Remote}; token={expired}");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var rotated = RotatedCookie(answer);
        Assert.NotEqual(TokenForge.RefreshToken(original), TokenForge.RefreshToken(rotated));
        Assert.Equal(user, TokenForge.UserId(rotated));

        // The provider rotated the refresh token: the one the agent presented is spent.
        using var provider = stack.Provider.CreateClient();
        using var reuse = await provider.PostAsJsonAsync("/refresh", new { token = original }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Concurrent_requests_with_one_expired_cookie_share_a_single_refresh()
    {
        using var session = new AgentSession(stack);
        await session.SignInAsync();
        var original = session.Token!;
        var expired = TokenForge.Cookie(
            TokenForge.Jwt(stack.Identity.SigningKey, stack.Identity.Kid, TokenForge.UserId(original), DateTimeOffset.UtcNow.AddMinutes(-5)),
            TokenForge.RefreshToken(original));
        var refreshesBefore = stack.Agent.Calls.Count("POST /refresh");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => session.SendWithCookieAsync(HttpMethod.Get, Prefs, $"{Remote}; token={expired}")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var rotated = answers.Select(RotatedCookie).Distinct().ToList();
        Assert.Single(rotated);
        Assert.Equal(refreshesBefore + 1, stack.Agent.Calls.Count("POST /refresh"));

        // Had the refresh token been presented twice, the provider would have revoked the whole family.
        using var next = await session.SendWithCookieAsync(HttpMethod.Get, Prefs, $"{Remote}; token={rotated[0]}");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task An_expired_token_whose_refresh_token_is_refused_answers_401_with_the_hint()
    {
        using var session = new AgentSession(stack);
        await session.SignInAsync();
        var expired = TokenForge.Cookie(
            TokenForge.Jwt(stack.Identity.SigningKey, stack.Identity.Kid, TokenForge.UserId(session.Token!), DateTimeOffset.UtcNow.AddMinutes(-5)), "not-a-refresh-token");

        using var answer = await session.SendWithCookieAsync(HttpMethod.Get, Prefs, $"{Remote}; token={expired}");

        var problem = await AssertReloginAsync(answer, Prefs);
        Assert.Contains("refused to refresh", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_bearer_token_alone_selects_the_remote_provider()
    {
        using var session = new AgentSession(stack);
        await session.SignInAsync();
        using var client = new HttpClient { BaseAddress = stack.Agent.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/token");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);

        using var answer = await client.SendAsync(request, Cancel);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync(Cancel))!;

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(AgentUnderTest.ProviderName, (string?)body["meshery-provider"]);
        Assert.Equal(session.Token, (string?)body["token"]);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task An_expired_bearer_token_is_not_refreshed_but_answers_401()
    {
        using var session = new AgentSession(stack);
        await session.SignInAsync();
        var expired = TokenForge.Cookie(
            TokenForge.Jwt(stack.Identity.SigningKey, stack.Identity.Kid, TokenForge.UserId(session.Token!), DateTimeOffset.UtcNow.AddMinutes(-5)),
            TokenForge.RefreshToken(session.Token!));
        using var client = new HttpClient { BaseAddress = stack.Agent.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, Prefs);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", expired);

        using var answer = await client.SendAsync(request, Cancel);

        await AssertReloginAsync(answer, Prefs);
        Assert.False(answer.Headers.Contains("Set-Cookie"));
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Tampered_unsigned_and_foreign_tokens_are_refused()
    {
        using var session = new AgentSession(stack);
        await session.SignInAsync();
        var access = TokenForge.AccessToken(session.Token!);
        using var rogue = RSA.Create(2048);

        foreach (var token in new[]
        {
            TokenForge.Tampered(access, Guid.NewGuid()),
            TokenForge.Unsigned(access, stack.Identity.Kid),
            TokenForge.Jwt(rogue, stack.Identity.Kid, TokenForge.UserId(session.Token!), DateTimeOffset.UtcNow.AddHours(1)),
        })
        {
            using var answer = await session.SendWithCookieAsync(HttpMethod.Get, Prefs, $"{Remote}; token={token}");
            await AssertReloginAsync(answer, Prefs);
        }
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_token_with_an_unknown_kid_fetches_the_keys_once_more_and_is_refused()
    {
        using var session = new AgentSession(stack);
        await session.SignInAsync();
        using var rogue = RSA.Create(2048);
        var token = TokenForge.Jwt(rogue, "rogue-" + Guid.NewGuid().ToString("N")[..6], TokenForge.UserId(session.Token!), DateTimeOffset.UtcNow.AddHours(1));
        var fetches = stack.Agent.Calls.Count("GET /keys");

        using var answer = await session.SendWithCookieAsync(HttpMethod.Get, Prefs, $"{Remote}; token={token}");

        var problem = await AssertReloginAsync(answer, Prefs);
        Assert.Contains("key the provider does not publish", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(fetches + 1, stack.Agent.Calls.Count("GET /keys"));
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Signing_out_clears_the_cookies_and_ends_the_session_at_the_provider()
    {
        using var session = new AgentSession(stack);
        await session.SignInAsync();
        var token = session.Token!;
        using (var before = await session.Client.GetAsync(Prefs, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var (logouts, revokes) = (stack.Agent.Calls.Count("GET /logout"), stack.Agent.Calls.Count("POST /revoke"));
        using var logout = await session.Client.GetAsync(SignInPaths.Logout, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/", logout.Headers.Location!.OriginalString);
        Assert.Null(session.Token);
        Assert.Null(session.Cookie(SessionCookies.ProviderSession));
        Assert.Equal(logouts + 1, stack.Agent.Calls.Count("GET /logout"));
        Assert.Equal(revokes + 1, stack.Agent.Calls.Count("POST /revoke"));

        // The old cookie is dead everywhere: at the agent (no cached verdict survives) and at the provider.
        using var replay = await session.SendWithCookieAsync(HttpMethod.Get, Prefs, $"{Remote}; token={token}");
        await AssertReloginAsync(replay, Prefs);
        using var provider = stack.Provider.CreateClient();
        using var introspect = await provider.PostAsJsonAsync("/introspect", new { token = TokenForge.AccessToken(token) }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, introspect.StatusCode);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Without_a_provider_choice_or_a_token_the_agent_stays_in_offline_mode()
    {
        using var client = new HttpClient { BaseAddress = stack.Agent.BaseAddress };
        using var answer = await client.GetAsync("/api/user", Cancel);
        var user = JsonNode.Parse(await answer.Content.ReadAsStringAsync(Cancel))!;

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("meshery@meshery.local", (string?)user["email"]);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Health_and_version_stay_public_in_remote_mode()
    {
        using var session = new AgentSession(stack);
        foreach (var path in new[] { "/healthz", "/api/system/version", "/api/providers" })
        {
            using var answer = await session.SendWithCookieAsync(HttpMethod.Get, path, Remote);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
    }

    private static string RotatedCookie(HttpResponseMessage answer)
    {
        var header = Assert.Single(answer.Headers.GetValues("Set-Cookie"), c => c.StartsWith("token=", StringComparison.Ordinal));
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        return header["token=".Length..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<JsonNode> AssertReloginAsync(HttpResponseMessage answer, string path)
    {
        var body = await answer.Content.ReadAsStringAsync(Cancel);
        Assert.True(answer.StatusCode == HttpStatusCode.Unauthorized, $"expected 401, got {(int)answer.StatusCode}: {body}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        var loginUrl = $"/user/login?ref={Meshery.Testing.Provider.SignInBrowser.Base64Url(path)}";
        Assert.Equal(loginUrl, (string?)problem["loginUrl"]);
        Assert.Contains(loginUrl, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(401, (int)problem["status"]!);
        Assert.Contains("invalid_token", answer.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        return problem;
    }
}

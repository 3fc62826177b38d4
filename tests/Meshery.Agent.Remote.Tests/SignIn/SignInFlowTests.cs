using System.Net;
using System.Text.Json.Nodes;
using Meshery.Agent.Remote.Tests.Support;
using Meshery.Agent.RemoteProvider.SignIn;
using Meshery.Testing.Provider;

namespace Meshery.Agent.Remote.Tests.SignIn;

/// <summary>The agent's half of Meshery's sign-in against the hosted provider: /user/login, /api/user/token, the provider choice.</summary>
[Collection(RemoteStackCollection.Name)]
public sealed class SignInFlowTests(RemoteStackFixture stack)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestLimits.Test)]
    public async Task Login_redirects_to_the_providers_login_with_the_callback_as_base64url_source_and_marks_the_sign_in()
    {
        using var session = new AgentSession(stack);
        using var answer = await session.Client.GetAsync("/user/login?ref=L2FwaS91c2Vy", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.Equal(new Uri(stack.Provider.BaseAddress, "login").GetLeftPart(UriPartial.Path), location.GetLeftPart(UriPartial.Path));
        var query = SignInBrowser.Query(location);
        Assert.Equal(SignInBrowser.Base64Url(stack.Agent.Callback), query["source"]);
        Assert.DoesNotContain('=', query["source"]);
        Assert.Equal("L2FwaS91c2Vy", query["ref"]);
        Assert.StartsWith("v", query["meshery_version"], StringComparison.Ordinal);
        Assert.NotNull(session.Cookie(SessionCookies.SignInPending, SignInPaths.Callback));
        Assert.Contains(answer.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SessionCookies.SignInPending, StringComparison.Ordinal)
            && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Login_without_ref_sends_the_requested_path_as_ref()
    {
        using var session = new AgentSession(stack);
        using var answer = await session.Client.GetAsync("/user/login", Cancel);
        Assert.Equal(SignInBrowser.Base64Url("/user/login"), SignInBrowser.Query(answer.Headers.Location!)["ref"]);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Token_callback_sets_httponly_session_cookies_and_returns_to_the_ref()
    {
        using var session = new AgentSession(stack);
        var landed = await session.SignInAsync(SignInBrowser.Base64Url("/api/user/prefs?x=1"));

        Assert.Equal("/api/user/prefs?x=1", landed);
        Assert.Equal(AgentUnderTest.ProviderName, session.Cookie(SessionCookies.Provider));
        Assert.False(string.IsNullOrEmpty(session.Cookie(SessionCookies.ProviderSession)));
        Assert.Null(session.Cookie(SessionCookies.SignInPending, SignInPaths.Callback));
        Assert.Equal(3, TokenForge.AccessToken(session.Token!).Split('.').Length);

        // The cookies are the session: the profile comes from the provider for the signed-in account.
        using var me = await session.Client.GetAsync("/api/user", Cancel);
        var user = JsonNode.Parse(await me.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(session.Email, (string?)user["email"]);
        Assert.Equal(TokenForge.UserId(session.Token!).ToString("D"), (string?)user["id"]);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Token_callback_answers_with_cookie_attributes_httponly_and_samesite()
    {
        using var session = new AgentSession(stack);
        await session.Provider.NewAccountAsync(Guid.NewGuid().ToString("N"));
        using (await session.Client.GetAsync("/user/login", Cancel))
        {
        }

        var query = await session.Provider.LoginAsync(stack.Agent.Callback, SignInBrowser.Base64Url("/api/user"));
        using var back = await session.Client.GetAsync($"/api/user/token?token={Uri.EscapeDataString(query["token"])}&session_cookie={query["session_cookie"]}&ref={query["ref"]}", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var cookies = back.Headers.GetValues("Set-Cookie").ToList();
        foreach (var name in new[] { SessionCookies.Token, SessionCookies.Provider, SessionCookies.ProviderSession })
        {
            var cookie = Assert.Single(cookies, c => c.StartsWith(name + "=", StringComparison.Ordinal));
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("no-store", back.Headers.CacheControl?.ToString());
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Login_with_a_live_session_goes_straight_back_to_the_ref()
    {
        using var session = new AgentSession(stack);
        await session.SignInAsync();
        using var again = await session.Client.GetAsync($"/user/login?ref={SignInBrowser.Base64Url("/api/user")}", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/api/user", again.Headers.Location!.OriginalString);
    }

    [Theory(Timeout = TestLimits.Test)]
    [InlineData("https://evil.test/steal")]
    [InlineData("//evil.test/steal")]
    [InlineData("/\\evil.test/steal")]
    [InlineData("/user/login")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not base64 at all!")]
    public async Task Token_callback_refuses_to_redirect_anywhere_but_a_safe_relative_path(string target)
    {
        using var session = new AgentSession(stack);
        var reference = target.Contains(' ', StringComparison.Ordinal) ? Uri.EscapeDataString(target) : SignInBrowser.Base64Url(target);
        var landed = await session.SignInAsync(reference);
        Assert.Equal("/", landed);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Token_callback_without_a_sign_in_started_from_this_browser_is_refused()
    {
        using var victim = new AgentSession(stack);
        using var attacker = new AgentSession(stack);
        await attacker.Provider.NewAccountAsync(Guid.NewGuid().ToString("N"));
        var query = await attacker.Provider.LoginAsync(stack.Agent.Callback);

        // Login CSRF: the attacker's own token, sent to a browser that never started a sign-in here.
        using var answer = await victim.Client.GetAsync($"/api/user/token?token={Uri.EscapeDataString(query["token"])}&ref=", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/user/login", await answer.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Null(victim.Token);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Token_callback_refuses_a_token_the_provider_did_not_sign()
    {
        using var session = new AgentSession(stack);
        using (await session.Client.GetAsync("/user/login", Cancel))
        {
        }

        using var rogue = System.Security.Cryptography.RSA.Create(2048);
        var forged = TokenForge.Cookie(TokenForge.Jwt(rogue, stack.Identity.Kid, Guid.NewGuid(), DateTimeOffset.UtcNow.AddHours(1)), "x");
        using var answer = await session.Client.GetAsync($"/api/user/token?token={forged}&ref=", Cancel);

        var problem = JsonNode.Parse(await answer.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("/user/login", (string?)problem["loginUrl"]);
        Assert.Null(session.Token);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Providers_lists_local_and_the_remote_provider_and_the_choice_sets_the_cookie()
    {
        using var session = new AgentSession(stack);
        using var list = await session.Client.GetAsync("/api/providers", Cancel);
        var providers = JsonNode.Parse(await list.Content.ReadAsStringAsync(Cancel))!.AsObject();

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("local", (string?)providers["None"]!["providerType"]);
        var remote = providers[AgentUnderTest.ProviderName]!;
        Assert.Equal("remote", (string?)remote["providerType"]);
        Assert.Equal(AgentUnderTest.ProviderName, (string?)remote["providerName"]);
        Assert.Equal(stack.Provider.BaseAddress.ToString().TrimEnd('/'), (string?)remote["providerUrl"]);

        using var choose = await session.Client.GetAsync($"/api/provider?provider={AgentUnderTest.ProviderName}", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Equal($"/user/login?provider={AgentUnderTest.ProviderName}", choose.Headers.Location!.OriginalString);
        Assert.Equal(AgentUnderTest.ProviderName, session.Cookie(SessionCookies.Provider));

        using var local = await session.Client.GetAsync("/api/provider?provider=None", Cancel);
        Assert.Equal("/", local.Headers.Location!.OriginalString);
        Assert.Equal("None", session.Cookie(SessionCookies.Provider));

        using var unknown = await session.Client.GetAsync("/api/provider?provider=Elsewhere", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}

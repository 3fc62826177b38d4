using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Meshery.Provider.Tests.Support;
using Meshery.Testing.Provider;

namespace Meshery.Provider.Tests.Identity;

/// <summary>Meshery's sign-in contract against the TLS host over Azurite: /login, /keys, /introspect, /refresh, /revoke, /logout.</summary>
[Collection(ProviderHostCollection.Name)]
public sealed class MesheryLoginTests(ProviderHostFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_sends_an_unsigned_in_user_through_the_sign_in_page_and_back_with_a_token_the_data_endpoints_accept()
    {
        using var browser = new SignInBrowser(fixture);
        var email = $"login-{Guid.NewGuid():N}@example.test";
        using (var up = await browser.SignUpAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
        }

        // A second browser, not signed in, starts at /login.
        using var fresh = new SignInBrowser(fixture);
        var login = $"/login?source={SignInBrowser.Base64Url(IdentityTestSettings.MesheryCallback)}&ref=L3NldHRpbmdz";
        using var first = await fresh.Client.GetAsync(login, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var signInPage = first.Headers.Location!;
        Assert.StartsWith("/account/signin", signInPage.IsAbsoluteUri ? signInPage.PathAndQuery : signInPage.OriginalString, StringComparison.Ordinal);
        var returnUrl = SignInBrowser.Query(new Uri(fixture.BaseAddress, signInPage))["returnUrl"];

        using var signedIn = await fresh.SignInAsync(email, returnUrl: returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(returnUrl, signedIn.Headers.Location!.OriginalString);

        using var back = await fresh.Client.GetAsync(returnUrl, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var query = SignInBrowser.Query(back.Headers.Location!);
        Assert.Equal("L3NldHRpbmdz", query["ref"]);
        Assert.False(string.IsNullOrEmpty(query["session_cookie"]));
        var token = SignInBrowser.DecodeCookie(query["token"]);
        Assert.Equal("bearer", token.GetProperty("token_type").GetString());
        Assert.False(string.IsNullOrEmpty(token.GetProperty("refresh_token").GetString()));
        Assert.Equal(3, token.GetProperty("access_token").GetString()!.Split('.').Length);

        using var prefs = new HttpRequestMessage(HttpMethod.Get, "user/preferences");
        prefs.Headers.Authorization = new AuthenticationHeaderValue("bearer", query["token"]);
        using var answer = await fixture.Client.SendAsync(prefs, Cancel);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        using var profile = new HttpRequestMessage(HttpMethod.Get, "api/identity/users/profile");
        profile.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        using var me = await fixture.Client.SendAsync(profile, Cancel);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var user = JsonDocument.Parse(await me.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(email, user.RootElement.GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("https://evil.test/api/user/token")]
    [InlineData("https://meshery.test/api/user/token/../../steal")]
    [InlineData("https://meshery.test/api/user/tokenx")]
    public async Task Login_refuses_a_source_that_is_not_a_registered_callback(string callback)
    {
        using var browser = new SignInBrowser(fixture);
        await browser.NewAccountAsync(Guid.NewGuid().ToString("N"));
        using var answer = await browser.Client.GetAsync($"/login?source={SignInBrowser.Base64Url(callback)}&ref=x", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
    }

    [Fact]
    public async Task Login_refuses_a_source_that_is_not_base64url()
    {
        using var answer = await fixture.Client.GetAsync("/login?source=%%%&ref=x", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Fact]
    public async Task Keys_are_public_rsa_keys_whose_members_are_all_strings()
    {
        using var answer = await fixture.Client.GetAsync("/keys", Cancel);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var document = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Cancel));
        var keys = document.RootElement.GetProperty("keys").EnumerateArray().ToList();
        var key = Assert.Single(keys);
        Assert.All(key.EnumerateObject(), member => Assert.Equal(JsonValueKind.String, member.Value.ValueKind));
        Assert.Equal(fixture.Identity.Kid, key.GetProperty("kid").GetString());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("AQAB", key.GetProperty("e").GetString());
        Assert.DoesNotContain('=', key.GetProperty("n").GetString()!);
        Assert.False(key.TryGetProperty("x5c", out _));
        Assert.False(key.TryGetProperty("key_ops", out _));
    }

    [Fact]
    public async Task Introspect_answers_200_for_a_live_token_and_401_for_garbage_and_after_logout()
    {
        using var browser = new SignInBrowser(fixture);
        await browser.NewAccountAsync(Guid.NewGuid().ToString("N"));
        var query = await browser.LoginAsync();
        var access = SignInBrowser.DecodeCookie(query["token"]).GetProperty("access_token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, await IntrospectAsync(access));
        Assert.Equal(HttpStatusCode.Unauthorized, await IntrospectAsync("not-a-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, await IntrospectAsync(fixture.Tokens.Mint(Guid.NewGuid(), audience: "someone-else")));

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/logout");
        logout.Headers.Authorization = new AuthenticationHeaderValue("bearer", query["token"]);
        using var loggedOut = await fixture.Client.SendAsync(logout, Cancel);
        Assert.Equal(HttpStatusCode.OK, loggedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await IntrospectAsync(access));
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(query["token"])).Status);
    }

    [Fact]
    public async Task Refresh_rotates_and_a_reused_refresh_token_revokes_the_whole_family()
    {
        using var browser = new SignInBrowser(fixture);
        await browser.NewAccountAsync(Guid.NewGuid().ToString("N"));
        var first = (await browser.LoginAsync())["token"];

        var second = await RefreshAsync(first);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        var firstRefresh = SignInBrowser.DecodeCookie(first).GetProperty("refresh_token").GetString();
        var secondToken = SignInBrowser.DecodeCookie(second.Token!);
        Assert.NotEqual(firstRefresh, secondToken.GetProperty("refresh_token").GetString());
        Assert.Equal(HttpStatusCode.OK, await IntrospectAsync(secondToken.GetProperty("access_token").GetString()!));

        // The old refresh token comes back: refused, and the new one dies with it.
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(first)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(second.Token!)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await IntrospectAsync(secondToken.GetProperty("access_token").GetString()!));
    }

    [Fact]
    public async Task Revoke_ends_the_refresh_token()
    {
        using var browser = new SignInBrowser(fixture);
        await browser.NewAccountAsync(Guid.NewGuid().ToString("N"));
        var cookie = (await browser.LoginAsync())["token"];
        var refresh = SignInBrowser.DecodeCookie(cookie).GetProperty("refresh_token").GetString();

        using var revoked = await fixture.Client.PostAsJsonAsync("/revoke", new { token = refresh }, Cancel);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(cookie)).Status);

        using var unknown = await fixture.Client.PostAsJsonAsync("/revoke", new { token = "unknown" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
    }

    [Fact]
    public async Task Refresh_refuses_a_raw_access_token_and_an_empty_body()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(fixture.Tokens.Mint(Guid.NewGuid()))).Status);
        using var empty = await fixture.Client.PostAsync("/refresh", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    private async Task<HttpStatusCode> IntrospectAsync(string token)
    {
        using var answer = await fixture.Client.PostAsJsonAsync("/introspect", new { token }, Cancel);
        return answer.StatusCode;
    }

    private async Task<(HttpStatusCode Status, string? Token)> RefreshAsync(string cookie)
    {
        using var answer = await fixture.Client.PostAsJsonAsync("/refresh", new { token = cookie }, Cancel);
        if (answer.StatusCode != HttpStatusCode.OK)
        {
            return (answer.StatusCode, null);
        }

        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Cancel));
        return (answer.StatusCode, body.RootElement.GetProperty("token").GetString());
    }
}

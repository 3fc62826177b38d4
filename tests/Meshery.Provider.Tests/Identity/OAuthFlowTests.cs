using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Meshery.Provider.Tests.Support;
using Meshery.Testing.Provider;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Meshery.Provider.Tests.Identity;

/// <summary>The OpenID Connect server's flows: discovery, code + PKCE, device, client credentials.</summary>
[Collection(ProviderHostCollection.Name)]
public sealed class OAuthFlowTests(ProviderHostFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_names_the_issuer_and_only_S256()
    {
        using var answer = await fixture.Client.GetAsync("/.well-known/openid-configuration", Cancel);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var document = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Cancel));
        var root = document.RootElement;
        Assert.Equal(fixture.Tokens.Issuer.TrimEnd('/') + "/", root.GetProperty("issuer").GetString());
        Assert.Equal(["S256"], root.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.True(root.TryGetProperty("device_authorization_endpoint", out _));
        Assert.True(root.TryGetProperty("end_session_endpoint", out _));
    }

    [Fact]
    public async Task Client_credentials_give_an_agent_a_token_the_data_endpoints_accept()
    {
        var token = await TokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = IdentityTestSettings.AgentClientId,
            ["client_secret"] = IdentityTestSettings.AgentSecret,
        });
        Assert.Equal(HttpStatusCode.OK, token.Status);
        var access = token.Body.GetProperty("access_token").GetString()!;
        var jwt = new JsonWebToken(access);
        Assert.Equal(fixture.Identity.Kid, jwt.Kid);
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal(fixture.Identity.AgentUserId.ToString("D"), jwt.Subject);
        Assert.Equal(HttpStatusCode.OK, await PreferencesAsync(access));

        var wrong = await TokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = IdentityTestSettings.AgentClientId,
            ["client_secret"] = "wrong",
        });
        Assert.NotEqual(HttpStatusCode.OK, wrong.Status);
    }

    [Fact]
    public async Task Authorization_code_requires_PKCE_and_the_right_verifier()
    {
        using var browser = new SignInBrowser(fixture);
        await browser.NewAccountAsync(Guid.NewGuid().ToString("N"));

        // No code_challenge: refused.
        using (var missing = await browser.Client.GetAsync(AuthorizeUrl(null), Cancel))
        {
            var location = missing.Headers.Location?.ToString() ?? "";
            Assert.True(missing.StatusCode == HttpStatusCode.BadRequest || location.Contains("error=invalid_request", StringComparison.Ordinal), $"{missing.StatusCode} {location}");
            Assert.DoesNotContain("code=", location, StringComparison.Ordinal);
        }

        // A plain challenge method: refused.
        using (var plain = await browser.Client.GetAsync(AuthorizeUrl("abc", "plain"), Cancel))
        {
            Assert.DoesNotContain("code=", plain.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }

        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var code = await CodeAsync(browser, challenge);
        var wrong = await TokenAsync(CodeRedemption(code, "x" + verifier));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);

        var code2 = await CodeAsync(browser, challenge);
        var noVerifier = CodeRedemption(code2, verifier);
        noVerifier.Remove("code_verifier");
        Assert.Equal(HttpStatusCode.BadRequest, (await TokenAsync(noVerifier)).Status);

        var code3 = await CodeAsync(browser, challenge);
        var right = await TokenAsync(CodeRedemption(code3, verifier));
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Equal(HttpStatusCode.OK, await PreferencesAsync(right.Body.GetProperty("access_token").GetString()!));
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_gets_no_code()
    {
        using var browser = new SignInBrowser(fixture);
        await browser.NewAccountAsync(Guid.NewGuid().ToString("N"));
        using var answer = await browser.Client.GetAsync(AuthorizeUrl("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", redirect: "https://evil.test/cb"), Cancel);
        Assert.DoesNotContain("evil.test", answer.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, answer.StatusCode);
    }

    [Fact]
    public async Task Device_flow_is_approved_by_the_signed_in_user_and_polled_for_tokens()
    {
        using var device = await fixture.Client.PostAsync("/connect/device", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = IdentityTestSettings.CliClientId,
            ["scope"] = "openid offline_access",
        }), Cancel);
        Assert.Equal(HttpStatusCode.OK, device.StatusCode);
        using var grant = JsonDocument.Parse(await device.Content.ReadAsStringAsync(Cancel));
        var deviceCode = grant.RootElement.GetProperty("device_code").GetString()!;
        var userCode = grant.RootElement.GetProperty("user_code").GetString()!;
        Assert.Contains("/connect/verify", grant.RootElement.GetProperty("verification_uri").GetString(), StringComparison.Ordinal);

        var poll = new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
            ["client_id"] = IdentityTestSettings.CliClientId,
            ["device_code"] = deviceCode,
        };
        var pending = await TokenAsync(poll);
        Assert.Equal(HttpStatusCode.BadRequest, pending.Status);
        Assert.Equal("authorization_pending", pending.Body.GetProperty("error").GetString());

        using var browser = new SignInBrowser(fixture);
        await browser.NewAccountAsync(Guid.NewGuid().ToString("N"));
        var verifyPath = "/connect/verify?user_code=" + Uri.EscapeDataString(userCode);
        using (var page = await browser.Client.GetAsync(verifyPath, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(IdentityTestSettings.CliClientId, await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using var approved = await browser.PostFormAsync("/connect/verify", new Dictionary<string, string> { ["user_code"] = userCode }, formPath: verifyPath);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var tokens = await TokenAsync(poll);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.True(tokens.Body.TryGetProperty("refresh_token", out _));
        Assert.Equal(HttpStatusCode.OK, await PreferencesAsync(tokens.Body.GetProperty("access_token").GetString()!));

        // A device code is redeemed once.
        Assert.Equal(HttpStatusCode.BadRequest, (await TokenAsync(poll)).Status);
    }

    private static string AuthorizeUrl(string? challenge, string method = "S256", string redirect = IdentityTestSettings.MesheryCallback)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = IdentityTestSettings.MesheryClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirect,
            ["scope"] = "openid offline_access",
            ["state"] = "s1",
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
            query["code_challenge_method"] = method;
        }

        return "/connect/authorize" + Microsoft.AspNetCore.Http.QueryString.Create(query).ToUriComponent();
    }

    private static async Task<string> CodeAsync(SignInBrowser browser, string challenge)
    {
        using var answer = await browser.Client.GetAsync(AuthorizeUrl(challenge), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.StartsWith(IdentityTestSettings.MesheryCallback + "?", location.ToString(), StringComparison.Ordinal);
        return SignInBrowser.Query(location)["code"];
    }

    private static Dictionary<string, string> CodeRedemption(string code, string verifier) => new()
    {
        ["grant_type"] = "authorization_code",
        ["client_id"] = IdentityTestSettings.MesheryClientId,
        ["code"] = code,
        ["redirect_uri"] = IdentityTestSettings.MesheryCallback,
        ["code_verifier"] = verifier,
    };

    private async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form)
    {
        using var answer = await fixture.Client.PostAsync("/connect/token", new FormUrlEncodedContent(form), Cancel);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Cancel));
        return (answer.StatusCode, body.RootElement.Clone());
    }

    private async Task<HttpStatusCode> PreferencesAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "user/preferences");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var answer = await fixture.Client.SendAsync(request, Cancel);
        return answer.StatusCode;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Meshery.Testing.Network;
using Meshery.Testing.Provider;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Client.SystemNetHttp;

namespace Meshery.Provider.Tests.Identity;

/// <summary>
/// Sign-in through an external OpenID Connect provider: a second provider host (a real OpenIddict server:
/// discovery, authorize, token) is the external one, the first host its registered <c>meshery</c> client.
/// </summary>
public sealed class ExternalSignInTests(ExternalSignInTests.TwoProviders providers) : IClassFixture<ExternalSignInTests.TwoProviders>
{
    private const string MesheryRef = "L2V4dGVybmFs";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_external_sign_in_creates_and_links_an_account_and_Meshery_login_continues_with_its_token()
    {
        var email = $"ext-{Guid.NewGuid():N}@example.test";
        using (var signUp = new SignInBrowser(providers.Upstream))
        {
            await SignUpAsync(signUp, email);
        }

        // Not signed in at either provider: the walk passes the external provider's sign-in page.
        using var upstream = new SignInBrowser(providers.Upstream);
        using var host = new SignInBrowser(providers.Host);
        var (query, sawUpstreamSignIn) = await SignInExternallyAsync(host, upstream, email);
        Assert.True(sawUpstreamSignIn);
        Assert.Equal(MesheryRef, query["ref"]);
        Assert.False(string.IsNullOrEmpty(query["session_cookie"]));
        var token = SignInBrowser.DecodeCookie(query["token"]);
        Assert.Equal("bearer", token.GetProperty("token_type").GetString());
        var access = token.GetProperty("access_token").GetString()!;
        Assert.Equal(providers.Host.Tokens.Issuer, new JsonWebToken(access).Issuer.TrimEnd('/'));
        Assert.Equal(email, await ProfileEmailAsync(access));

        // A second external sign-in (still signed in upstream, a new browser here) lands in the same account.
        using var again = new SignInBrowser(providers.Host);
        var (second, passedSignIn) = await SignInExternallyAsync(again, upstream, email);
        Assert.False(passedSignIn);
        var secondAccess = SignInBrowser.DecodeCookie(second["token"]).GetProperty("access_token").GetString()!;
        Assert.Equal(new JsonWebToken(access).Subject, new JsonWebToken(secondAccess).Subject);
    }

    [Fact]
    public async Task An_external_e_mail_never_takes_over_a_local_account_without_a_link()
    {
        var email = $"both-{Guid.NewGuid():N}@example.test";
        using var local = new SignInBrowser(providers.Host);
        await SignUpAsync(local, email);
        var localQuery = await local.LoginAsync(reference: MesheryRef);
        var localSubject = new JsonWebToken(SignInBrowser.DecodeCookie(localQuery["token"]).GetProperty("access_token").GetString()).Subject;

        using var upstream = new SignInBrowser(providers.Upstream);
        await SignUpAsync(upstream, email);
        using var host = new SignInBrowser(providers.Host);
        var (query, _) = await SignInExternallyAsync(host, upstream, email);
        var externalSubject = new JsonWebToken(SignInBrowser.DecodeCookie(query["token"]).GetProperty("access_token").GetString()).Subject;
        Assert.NotEqual(localSubject, externalSubject);

        // The local password still signs in the local account, and only it.
        using var again = new SignInBrowser(providers.Host);
        using var signedIn = await again.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var relogin = await again.LoginAsync(reference: MesheryRef);
        Assert.Equal(localSubject, new JsonWebToken(SignInBrowser.DecodeCookie(relogin["token"]).GetProperty("access_token").GetString()).Subject);
    }

    [Fact]
    public async Task The_sign_in_page_offers_each_configured_provider_and_a_host_without_any_offers_none_and_answers_404()
    {
        using var host = new SignInBrowser(providers.Host);
        var page = await host.Client.GetStringAsync("/account/signin?returnUrl=%2Flogin", Cancel);
        Assert.Contains("action=\"/signin/external/upstream\"", page, StringComparison.Ordinal);
        Assert.Contains(">Sign in with Upstream IdP</button>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/login\"", page, StringComparison.Ordinal);

        using var upstream = new SignInBrowser(providers.Upstream);
        Assert.DoesNotContain("Sign in with", await upstream.Client.GetStringAsync("/account/signin", Cancel), StringComparison.Ordinal);
        using var none = await upstream.PostFormAsync("/signin/external/upstream", new Dictionary<string, string> { ["returnUrl"] = "/login" }, formPath: "/account/signin");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task The_start_form_without_its_antiforgery_token_is_refused()
    {
        using var host = new SignInBrowser(providers.Host);
        using var answer = await host.PostFormAsync("/signin/external/upstream", new Dictionary<string, string> { ["returnUrl"] = "/login" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
    }

    [Fact]
    public async Task An_unsafe_return_url_is_dropped_and_the_user_ends_on_the_sign_in_page()
    {
        using var host = new SignInBrowser(providers.Host);
        using var start = await host.PostFormAsync("/signin/external/upstream",
            new Dictionary<string, string> { ["returnUrl"] = "https://evil.test/steal" }, formPath: "/account/signin");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var email = $"unsafe-{Guid.NewGuid():N}@example.test";
        using var upstream = new SignInBrowser(providers.Upstream);
        await SignUpAsync(upstream, email);
        var (callback, _) = await WalkUpstreamAsync(upstream, start.Headers.Location!, email);
        using var back = await host.Client.GetAsync(callback, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/account/signin", back.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_forged_state_at_the_callback_is_refused_without_a_session()
    {
        using var host = new SignInBrowser(providers.Host);
        using var answer = await host.Client.GetAsync("/signin/external/upstream/callback?code=forged-code&state=forged-state", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Null(answer.Headers.Location);
        Assert.DoesNotContain(host.Cookies.GetCookies(providers.Host.BaseAddress), c => c.Name == "meshery_provider_session");
    }

    [Fact]
    public async Task A_state_started_in_another_browser_is_refused_at_the_callback()
    {
        var email = $"csrf-{Guid.NewGuid():N}@example.test";
        using var upstream = new SignInBrowser(providers.Upstream);
        await SignUpAsync(upstream, email);

        // The attacker starts a sign-in and completes the external part; the victim's browser gets the callback.
        using var attacker = new SignInBrowser(providers.Host);
        using var start = await attacker.PostFormAsync("/signin/external/upstream", new Dictionary<string, string> { ["returnUrl"] = "/login" }, formPath: "/account/signin");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var (callback, _) = await WalkUpstreamAsync(upstream, start.Headers.Location!, email);

        using var victim = new SignInBrowser(providers.Host);
        using var refused = await victim.Client.GetAsync(callback, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(victim.Cookies.GetCookies(providers.Host.BaseAddress), c => c.Name == "meshery_provider_session");
    }

    [Fact]
    public async Task An_unknown_provider_name_is_not_found()
    {
        using var host = new SignInBrowser(providers.Host);
        using var start = await host.PostFormAsync("/signin/external/nobody", new Dictionary<string, string> { ["returnUrl"] = "/login" }, formPath: "/account/signin");
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal("application/problem+json", start.Content.Headers.ContentType?.MediaType);
        using var callback = await host.Client.GetAsync("/signin/external/nobody/callback?code=x&state=y", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, callback.StatusCode);
    }

    private static async Task SignUpAsync(SignInBrowser browser, string email)
    {
        using var answer = await browser.SignUpAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
    }

    /// <summary>
    /// Meshery's /login at the host, its sign-in page's "sign in with" form, the external provider (its sign-in
    /// page when not signed in there), the callback, and /login again: answers the Meshery callback's query.
    /// </summary>
    private async Task<(Dictionary<string, string> Query, bool SawUpstreamSignIn)> SignInExternallyAsync(SignInBrowser host, SignInBrowser upstream, string email)
    {
        using var login = await host.Client.GetAsync($"/login?source={SignInBrowser.Base64Url(IdentityTestSettings.MesheryCallback)}&ref={MesheryRef}", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var signInPage = login.Headers.Location!.OriginalString;
        var returnUrl = SignInBrowser.Query(new Uri(providers.Host.BaseAddress, signInPage))["returnUrl"];

        using var start = await host.PostFormAsync("/signin/external/upstream", new Dictionary<string, string> { ["returnUrl"] = returnUrl }, formPath: signInPage);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(providers.Upstream.BaseAddress + "connect/authorize?", authorize.ToString(), StringComparison.Ordinal);
        var parameters = SignInBrowser.Query(authorize);
        Assert.Equal("S256", parameters["code_challenge_method"]);
        Assert.Equal(TwoProviders.ClientId, parameters["client_id"]);

        var (callback, sawSignIn) = await WalkUpstreamAsync(upstream, authorize, email);
        Assert.StartsWith(TwoProviders.CallbackOf(providers.Host.Port), callback.ToString(), StringComparison.Ordinal);

        using var back = await host.Client.GetAsync(callback, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(returnUrl, back.Headers.Location!.OriginalString);
        using var done = await host.Client.GetAsync(returnUrl, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var target = done.Headers.Location!;
        Assert.StartsWith(IdentityTestSettings.MesheryCallback + "?", target.ToString(), StringComparison.Ordinal);
        return (SignInBrowser.Query(target), sawSignIn);
    }

    /// <summary>Follows the external provider's redirects (signing in there when it asks) up to the redirect back to the host; says whether it signed in.</summary>
    private async Task<(Uri Callback, bool SignedIn)> WalkUpstreamAsync(SignInBrowser upstream, Uri authorize, string email)
    {
        var next = authorize;
        var signedInThere = false;
        for (var hop = 0; hop < 10; hop++)
        {
            if (next.Port != providers.Upstream.BaseAddress.Port)
            {
                return (next, signedInThere);
            }

            using var answer = await upstream.Client.GetAsync(next, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            next = new Uri(next, answer.Headers.Location!);
            if (next.Port == providers.Upstream.BaseAddress.Port && next.AbsolutePath == "/account/signin")
            {
                using var signedIn = await upstream.SignInAsync(email, returnUrl: SignInBrowser.Query(next)["returnUrl"]);
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
                next = new Uri(next, signedIn.Headers.Location!);
                signedInThere = true;
            }
        }

        throw new InvalidOperationException("The external provider never redirected back.");
    }

    private async Task<string?> ProfileEmailAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/identity/users/profile");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var answer = await providers.Host.Client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var user = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Cancel));
        return user.RootElement.GetProperty("email").GetString();
    }

    /// <summary>The external provider and the host that signs people in through it, on ports known before either starts.</summary>
    public sealed class TwoProviders : IAsyncLifetime
    {
        public const string ProviderName = "upstream";
        public const string ClientId = "meshery-downstream";

        public TwoProviders()
        {
            var hostPort = FreePort.Next();
            Upstream = new UpstreamProvider(CallbackOf(hostPort));
            Host = new LinkedProvider(hostPort, Upstream);
        }

        public ProviderHostFixture Upstream { get; }

        public LinkedProvider Host { get; }

        public static string CallbackOf(int hostPort) => $"https://127.0.0.1:{hostPort}/signin/external/{ProviderName}/callback";

        public async ValueTask InitializeAsync()
        {
            await Upstream.InitializeAsync();
            await Host.InitializeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Upstream.DisposeAsync();
        }
    }

    /// <summary>The external provider: our own host, with the linked host registered as a Meshery-kind client.</summary>
    public sealed class UpstreamProvider(string callback) : ProviderHostFixture(new Dictionary<string, string>
    {
        ["Meshery:Provider:Identity:Clients:2:ClientId"] = TwoProviders.ClientId,
        ["Meshery:Provider:Identity:Clients:2:Kind"] = "meshery",
        ["Meshery:Provider:Identity:Clients:2:RedirectUris:0"] = callback,
    });

    /// <summary>The host under test: the upstream one configured as an external provider, its certificate trusted by OpenIddict's client.</summary>
    public sealed class LinkedProvider(int port, ProviderHostFixture upstream) : ProviderHostFixture(new Dictionary<string, string>
    {
        ["Meshery:Provider:Identity:ExternalProviders:0:Name"] = TwoProviders.ProviderName,
        ["Meshery:Provider:Identity:ExternalProviders:0:DisplayName"] = "Upstream IdP",
        ["Meshery:Provider:Identity:ExternalProviders:0:Issuer"] = upstream.Tokens.Issuer,
        ["Meshery:Provider:Identity:ExternalProviders:0:ClientId"] = TwoProviders.ClientId,
    }, port)
    {
        public int Port { get; } = port;

        protected override void ConfigureHost(WebApplicationBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);

            // The upstream host's self-signed certificate is trusted by exactly its thumbprint, for this test only.
            var thumbprint = upstream.Certificate.Certificate.Thumbprint;
            builder.Services.Configure<OpenIddictClientSystemNetHttpOptions>(options => options.HttpClientHandlerActions.Add((_, handler) =>
                handler.ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint));
        }
    }
}

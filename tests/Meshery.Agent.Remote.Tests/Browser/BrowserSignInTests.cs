using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Meshery.Agent.Remote.Tests.Support;
using Meshery.Agent.RemoteProvider.SignIn;
using Meshery.Testing.Provider;
using Microsoft.Playwright;

namespace Meshery.Agent.Remote.Tests.Browser;

/// <summary>
/// The whole sign-in in headless Chromium (the Debian package; Playwright never downloads a browser):
/// the agent's /user/login, the provider's sign-up and sign-in pages, back to the agent with its cookies,
/// then a preference written through the agent and read back from the provider directly.
/// </summary>
[Collection(RemoteStackCollection.Name)]
public sealed class BrowserSignInTests(RemoteStackFixture stack)
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// Each browser step's limit: Playwright's 30 s default was exceeded on a loaded two-core machine.
    /// The whole test has a limit too, so a browser that stops answering fails the test instead of the run.
    /// </summary>
    private const float StepTimeoutMs = 90_000;

    private static readonly BrowserNewContextOptions ContextOptions = new() { IgnoreHTTPSErrors = true };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestLimits.Browser)]
    public async Task A_user_signs_up_and_in_at_the_provider_through_the_agent_and_their_preference_lands_in_the_provider()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run scripts/setup.sh, which installs the Debian package 'chromium'.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Timeout = StepTimeoutMs });
        var agent = stack.Agent.BaseAddress.ToString().TrimEnd('/');
        var email = $"browser-{Guid.NewGuid():N}@example.test";

        // First visit: no account yet. The agent sends the browser to the provider, which asks to sign in.
        await using (var context = await NewContextAsync(browser))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{agent}/user/login?ref={SignInBrowser.Base64Url("/api/user")}");
            await page.WaitForURLAsync(url => url.Contains("/account/signin", StringComparison.Ordinal));
            await page.GetByRole(AriaRole.Link, new() { Name = "Create one" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/account/signup", StringComparison.Ordinal));
            await page.GetByLabel("Name").FillAsync("Browser User");
            await page.GetByLabel("E-mail").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(SignInBrowser.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

            // Back at the agent, on the ref it was given, with the profile the provider keeps.
            await ArriveAsync(page, $"{agent}/api/user");
            Assert.Contains(email, await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
            var cookies = await context.CookiesAsync([agent]);
            var token = Assert.Single(cookies, c => c.Name == SessionCookies.Token);
            Assert.True(token.HttpOnly);
            Assert.Equal(SameSiteAttribute.Lax, token.SameSite);
            Assert.Equal(AgentUnderTest.ProviderName, Assert.Single(cookies, c => c.Name == SessionCookies.Provider).Value);
        }

        // A second browser: the account exists; sign in on the provider's sign-in page.
        await using var signedIn = await NewContextAsync(browser);
        var second = await signedIn.NewPageAsync();
        await second.GotoAsync($"{agent}/user/login?ref={SignInBrowser.Base64Url("/api/user/prefs")}");
        await second.WaitForURLAsync(url => url.Contains("/account/signin", StringComparison.Ordinal));
        await second.GetByLabel("E-mail").FillAsync(email);
        await second.GetByLabel("Password").FillAsync(SignInBrowser.Password);
        await second.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ArriveAsync(second, $"{agent}/api/user/prefs");

        // An API call with the browser's cookies: the preference is written through the agent...
        var organization = Guid.NewGuid().ToString("D");
        var saved = await signedIn.APIRequest.PostAsync($"{agent}/api/user/prefs", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Data = $$"""{"selectedOrganizationId":"{{organization}}"}""",
        });
        Assert.Equal(200, saved.Status);

        // ... and read back from the provider directly, with the session the browser holds.
        var session = Assert.Single(await signedIn.CookiesAsync([agent]), c => c.Name == SessionCookies.Token).Value;
        using var provider = stack.Provider.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/user/preferences");
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", session);
        using var answer = await provider.SendAsync(request, Cancel);
        var preferences = JsonNode.Parse(await answer.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(organization, (string?)preferences["selectedOrganizationId"]);
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(ContextOptions);
        context.SetDefaultTimeout(StepTimeoutMs);
        context.SetDefaultNavigationTimeout(StepTimeoutMs);
        return context;
    }

    /// <summary>Waits for <paramref name="url"/>; on a timeout the failure says where the browser is and what it shows.</summary>
    private static async Task ArriveAsync(IPage page, string url)
    {
        try
        {
            await page.WaitForURLAsync(url);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the browser did not reach {url}; it is at {page.Url}: {await page.Locator("body").InnerTextAsync()}");
        }
    }
}

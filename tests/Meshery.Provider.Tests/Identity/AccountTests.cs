using System.Net;
using Meshery.Provider.Tests.Support;
using Meshery.Testing.Provider;

namespace Meshery.Provider.Tests.Identity;

/// <summary>Sign-up, sign-in, lockout and login CSRF through form posts against the TLS host.</summary>
[Collection(ProviderHostCollection.Name)]
public sealed class AccountTests(ProviderHostFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_up_then_sign_in_with_form_posts_sets_the_session_cookie()
    {
        using var browser = new SignInBrowser(fixture);
        var email = await browser.NewAccountAsync(Guid.NewGuid().ToString("N"));

        using var other = new SignInBrowser(fixture);
        using var signedIn = await other.SignInAsync(email.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(other.Cookies.GetCookies(fixture.BaseAddress), c => c.Name == "meshery_provider_session" && c.HttpOnly && c.Secure);

        using var again = await browser.SignUpAsync(email);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Pages_are_accessible_forms()
    {
        using var page = await fixture.Client.GetAsync("/account/signin", Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"email\">", html, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"current-password\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_five_lock_the_account()
    {
        using var browser = new SignInBrowser(fixture);
        var email = await browser.NewAccountAsync(Guid.NewGuid().ToString("N"));
        using var attacker = new SignInBrowser(fixture);
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await attacker.SignInAsync(email, "wrong password " + i);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var fifth = await attacker.SignInAsync(email, "wrong password 5");
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);

        // Even the right password is refused while the lockout lasts.
        using var right = await attacker.SignInAsync(email);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.DoesNotContain(attacker.Cookies.GetCookies(fixture.BaseAddress), c => c.Name == "meshery_provider_session");
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = new SignInBrowser(fixture);
        var email = await browser.NewAccountAsync(Guid.NewGuid().ToString("N"));
        using var forger = new SignInBrowser(fixture);
        using var forged = await forger.PostFormAsync("/account/signin", new Dictionary<string, string> { ["email"] = email, ["password"] = SignInBrowser.Password }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(forger.Cookies.GetCookies(fixture.BaseAddress), c => c.Name == "meshery_provider_session");

        using var signUp = await forger.PostFormAsync("/account/signup", new Dictionary<string, string> { ["email"] = "x" + email, ["password"] = SignInBrowser.Password }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, signUp.StatusCode);
    }

    [Fact]
    public async Task Sign_in_never_redirects_off_site()
    {
        using var browser = new SignInBrowser(fixture);
        var email = await browser.NewAccountAsync(Guid.NewGuid().ToString("N"));
        using var other = new SignInBrowser(fixture);
        using var answer = await other.SignInAsync(email, returnUrl: "//evil.test/x");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/account/signin", answer.Headers.Location!.OriginalString);
    }
}

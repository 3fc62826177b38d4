using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Meshery.Testing.Provider;

/// <summary>
/// A cookie-keeping HTTP client that walks the provider's pages as a browser would (no redirects
/// followed automatically, so each hop can be checked), with the form helpers the tests share.
/// </summary>
public sealed partial class SignInBrowser : IDisposable
{
    public const string Password = "correct horse battery staple";

    public SignInBrowser(ProviderHostFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var handler = (HttpClientHandler)fixture.CreateHandler();
        handler.CookieContainer = Cookies;
        handler.UseCookies = true;
        Client = new HttpClient(handler) { BaseAddress = fixture.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The antiforgery token of the form on <paramref name="path"/>.</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        using var page = await Client.GetAsync(path, Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.True(page.IsSuccessStatusCode, $"GET {path} -> {(int)page.StatusCode}: {html}");
        var match = TokenField().Match(html);
        Assert.True(match.Success, "no antiforgery field on " + path);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields, bool withToken = true, string? formPath = null)
    {
        var form = new Dictionary<string, string>(fields);
        if (withToken)
        {
            form["__RequestVerificationToken"] = await FormTokenAsync(formPath ?? path);
        }

        using var content = new FormUrlEncodedContent(form);
        return await Client.PostAsync(path, content, Cancel);
    }

    public async Task<HttpResponseMessage> SignUpAsync(string email, string password = Password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["email"] = email, ["name"] = "Test User", ["password"] = password };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return await PostFormAsync("/account/signup", fields);
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password = Password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["email"] = email, ["password"] = password };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return await PostFormAsync("/account/signin", fields);
    }

    /// <summary>Signs up a fresh account and stays signed in; answers its e-mail.</summary>
    public async Task<string> NewAccountAsync(string id)
    {
        var email = $"user-{id}@example.test";
        using var answer = await SignUpAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return email;
    }

    /// <summary>Meshery's <c>/login</c> for the registered callback, already signed in: answers the callback's query.</summary>
    public async Task<Dictionary<string, string>> LoginAsync(string callback = IdentityTestSettings.MesheryCallback, string reference = "L2Rhc2hib2FyZA")
    {
        using var answer = await Client.GetAsync($"/login?source={Base64Url(callback)}&ref={reference}&provider_version=v0.8.0&meshery_version=v0.8.0", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.StartsWith(callback + "?", location.ToString(), StringComparison.Ordinal);
        return Query(location);
    }

    public static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""), StringComparer.Ordinal);

    /// <summary>The JSON inside a Meshery token cookie value (standard base64, no padding).</summary>
    public static JsonElement DecodeCookie(string cookie)
    {
        Assert.DoesNotContain('=', cookie);
        var padded = cookie + new string('=', (4 - (cookie.Length % 4)) % 4);
        using var document = JsonDocument.Parse(Convert.FromBase64String(padded));
        return document.RootElement.Clone();
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meshery.Testing.Provider;

namespace Meshery.Cli.Tests.Support;

/// <summary>
/// Drives <c>system login</c> against a real provider: starts the command, reads the code it prints,
/// and approves or denies it as a signed-in user through the provider's pages.
/// </summary>
public static partial class DeviceSignIn
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The arguments that point mesheryctl at <paramref name="provider"/> and trust its certificate.</summary>
    public static string[] ProviderArgs(ProviderHostFixture provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return ["--provider-url", provider.BaseAddress.AbsoluteUri, "--ca-file", provider.Certificate.PemPath];
    }

    /// <summary>Runs <c>system login</c> and answers its code as a new user; returns what the command ended with.</summary>
    public static async Task<CliResult> LoginAsync(CliHarness cli, ProviderHostFixture provider, bool allow = true, params string[] extra)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var run = cli.Start(["system", "login", .. ProviderArgs(provider), .. extra]);
        var userCode = await run.WaitForAsync(UserCode());
        await AnswerAsync(provider, userCode, allow);
        return await run.CompletionAsync();
    }

    /// <summary>Signs up a fresh user, opens the verification page for the code, and presses Allow or Deny.</summary>
    public static async Task AnswerAsync(ProviderHostFixture provider, string userCode, bool allow)
    {
        using var browser = new SignInBrowser(provider);
        await browser.NewAccountAsync(Guid.NewGuid().ToString("N"));
        var verifyPath = "/connect/verify?user_code=" + Uri.EscapeDataString(userCode);
        using (var page = await browser.Client.GetAsync(verifyPath, Cancel))
        {
            var html = await page.Content.ReadAsStringAsync(Cancel);
            Assert.True(page.StatusCode == HttpStatusCode.OK, html);
            Assert.Contains("mesheryctl", html, StringComparison.Ordinal);
        }

        using var answer = await browser.PostFormAsync(
            "/connect/verify",
            new Dictionary<string, string> { ["user_code"] = userCode, ["decision"] = allow ? "allow" : "deny" },
            formPath: verifyPath);
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(Cancel)}");
    }

    /// <summary>The context's sign-in in auth.json.</summary>
    public static JsonElement StoredLogin(CliHarness cli, string context = "local")
    {
        ArgumentNullException.ThrowIfNull(cli);
        using var document = JsonDocument.Parse(File.ReadAllText(cli.AuthFile));
        return document.RootElement.GetProperty("contexts").GetProperty(context).Clone();
    }

    /// <summary>The status a provider data endpoint (<c>GET /user/preferences</c>) answers for <paramref name="accessToken"/>.</summary>
    public static async Task<HttpStatusCode> PreferencesStatusAsync(ProviderHostFixture provider, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        using var request = new HttpRequestMessage(HttpMethod.Get, "user/preferences");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var answer = await provider.Client.SendAsync(request, Cancel);
        return answer.StatusCode;
    }

    /// <summary>What the token endpoint answers to a refresh with <paramref name="refreshToken"/> as the CLI's client.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> RefreshAsync(ProviderHostFixture provider, string refreshToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = IdentityTestSettings.CliClientId,
            ["refresh_token"] = refreshToken,
        });
        using var answer = await provider.Client.PostAsync("/connect/token", form, Cancel);
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync(Cancel));
    }

    [GeneratedRegex(@"Enter the code (\S+)")]
    public static partial Regex UserCode();
}

using System.Text.RegularExpressions;
using Meshery.Cli.Tests.Support;
using Meshery.Testing.Provider;

namespace Meshery.Cli.Tests.Commands.Systems;

/// <summary><c>system login</c> against a provider whose device codes live two seconds: nobody approves in time.</summary>
public sealed class ExpiredCodeTests(ExpiredCodeTests.ShortCodeProvider provider) : IClassFixture<ExpiredCodeTests.ShortCodeProvider>, IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_code_nobody_approves_expires_at_the_provider_and_ends_with_one_line()
    {
        var run = _cli.Start(["system", "login", .. DeviceSignIn.ProviderArgs(provider)]);
        var userCode = await run.WaitForAsync(DeviceSignIn.UserCode());
        var result = await run.CompletionAsync();
        Assert.Equal(
            "Error: the code expired before it was approved (expired_token); run 'mesheryctl system login' for a new one",
            CliHarness.OneErrorLine(result));
        // Two seconds counted from the code's creation: 0 to 2 are left by the time the answer is read.
        Assert.True(Regex.IsMatch(result.Out, @"Sign-in: waiting for approval \(the code expires in [0-2] s\)"), result.Out);
        Assert.False(File.Exists(_cli.AuthFile));

        // The provider no longer knows the code either.
        using var browser = new SignInBrowser(provider);
        await browser.NewAccountAsync(Guid.NewGuid().ToString("N"));
        using var page = await browser.Client.GetAsync("/connect/verify?user_code=" + Uri.EscapeDataString(userCode), TestContext.Current.CancellationToken);
        Assert.Contains("This code is not valid or has expired.", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>A provider of its own: device codes expire after two seconds.</summary>
    public sealed class ShortCodeProvider() : ProviderHostFixture(new Dictionary<string, string>
    {
        ["Meshery:Provider:Identity:DeviceCodeLifetime"] = "00:00:02",
    });
}

using System.Net;
using System.Text.Json;
using Meshery.Cli.Tests.Support;
using Meshery.Testing.Network;
using Meshery.Testing.Provider;

namespace Meshery.Cli.Tests.Commands.Systems;

/// <summary><c>system login</c> end to end: the real provider's device flow, approved through its pages.</summary>
[Collection(ProviderHostCollection.Name)]
public sealed class LoginCommandTests(ProviderHostFixture provider) : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Device_flow_login_keeps_tokens_the_provider_data_endpoints_accept()
    {
        var result = await DeviceSignIn.LoginAsync(_cli, provider);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"1. Open {provider.BaseAddress}connect/verify in a browser", result.Out, StringComparison.Ordinal);
        Assert.Contains($"(or open {provider.BaseAddress}connect/verify?user_code=", result.Out, StringComparison.Ordinal);
        Assert.Contains("Sign-in: waiting for approval (the code expires in 10 min)", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Signed in to {provider.BaseAddress} as user-", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_cli.AuthFile));
        }

        var login = DeviceSignIn.StoredLogin(_cli);
        var access = login.GetProperty("accessToken").GetString()!;
        var refresh = login.GetProperty("refreshToken").GetString()!;
        Assert.Equal(provider.BaseAddress.AbsoluteUri, login.GetProperty("provider").GetString());
        Assert.Equal(IdentityTestSettings.CliClientId, login.GetProperty("clientId").GetString());
        Assert.Contains("offline_access", login.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await DeviceSignIn.PreferencesStatusAsync(provider, access));

        // Secrets never reach the terminal.
        Assert.DoesNotContain(access, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(refresh, result.Out, StringComparison.Ordinal);

        // Upstream's keys: the token cookie value upstream's mesheryctl sends to a Meshery server.
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(_cli.AuthFile, TestContext.Current.CancellationToken));
        var cookie = file.RootElement.GetProperty("token").GetString()!;
        Assert.DoesNotContain('=', cookie);
        using var upstream = JsonDocument.Parse(Convert.FromBase64String(cookie + new string('=', (4 - (cookie.Length % 4)) % 4)));
        Assert.Equal(access, upstream.RootElement.GetProperty("access_token").GetString());
        Assert.Equal(refresh, upstream.RootElement.GetProperty("refresh_token").GetString());
    }

    [Fact]
    public async Task A_denied_code_ends_with_one_line_and_stores_nothing()
    {
        var result = await DeviceSignIn.LoginAsync(_cli, provider, allow: false);
        var line = CliHarness.OneErrorLine(result);
        Assert.Equal("Error: the sign-in was denied at the provider (access_denied); run 'mesheryctl system login' to try again", line);
        Assert.False(File.Exists(_cli.AuthFile));
    }

    [Fact]
    public async Task Waiting_longer_than_the_timeout_ends_with_one_line()
    {
        var line = CliHarness.OneErrorLine(await _cli.RunAsync(["system", "login", .. DeviceSignIn.ProviderArgs(provider), "--timeout", "1"]));
        Assert.Equal("Error: timed out after 1 s waiting for the code to be approved; run 'mesheryctl system login' to try again", line);
        Assert.False(File.Exists(_cli.AuthFile));
    }

    [Fact]
    public async Task Json_output_keeps_stdout_for_data_and_shows_the_code_on_stderr()
    {
        var run = _cli.Start(["system", "login", .. DeviceSignIn.ProviderArgs(provider), "-o", "json"]);
        var code = await run.WaitForAsync(DeviceSignIn.UserCode(), stderr: true);
        await DeviceSignIn.AnswerAsync(provider, code, allow: true);
        var result = await run.CompletionAsync();
        Assert.True(result.ExitCode == 0, result.ToString());
        using var data = JsonDocument.Parse(result.Out);
        Assert.Equal("local", data.RootElement.GetProperty("context").GetString());
        Assert.Equal(_cli.AuthFile, data.RootElement.GetProperty("file").GetString());
        Assert.Equal(DeviceSignIn.StoredLogin(_cli).GetProperty("expiresAt").GetDateTimeOffset(), data.RootElement.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token_and_forgets_the_context()
    {
        Assert.Equal(0, (await DeviceSignIn.LoginAsync(_cli, provider)).ExitCode);
        var refresh = DeviceSignIn.StoredLogin(_cli).GetProperty("refreshToken").GetString()!;

        var result = await _cli.RunOkAsync("system", "logout");
        Assert.Equal($"Signed out of {provider.BaseAddress} for context 'local'; the refresh token is revoked.\n", result.Out);
        Assert.Equal("", result.Error);
        using (var file = JsonDocument.Parse(await File.ReadAllTextAsync(_cli.AuthFile, TestContext.Current.CancellationToken)))
        {
            Assert.False(file.RootElement.GetProperty("contexts").TryGetProperty("local", out _));
            Assert.False(file.RootElement.TryGetProperty("token", out _));
        }

        var (status, body) = await DeviceSignIn.RefreshAsync(provider, refresh);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("invalid_grant", body, StringComparison.Ordinal);

        Assert.Equal("Context 'local' is not signed in.\n", (await _cli.RunOkAsync("system", "logout")).Out);
    }

    [Fact]
    public async Task Logout_with_the_provider_unreachable_removes_the_tokens_locally_and_warns()
    {
        var port = FreePort.Next();
        Directory.CreateDirectory(_cli.MesheryFolder);
        var stored = new System.Text.Json.Nodes.JsonObject
        {
            ["contexts"] = new System.Text.Json.Nodes.JsonObject
            {
                ["local"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["provider"] = $"http://127.0.0.1:{port}/",
                    ["clientId"] = "mesheryctl",
                    ["accessToken"] = "a.b.c",
                    ["refreshToken"] = "r1",
                    ["obtainedAt"] = "2025-01-01T00:00:00+00:00",
                },
            },
        };
        await File.WriteAllTextAsync(_cli.AuthFile, stored.ToJsonString(), TestContext.Current.CancellationToken);

        var result = await _cli.RunOkAsync("system", "logout");
        Assert.Equal("Signed out locally for context 'local'.\n", result.Out);
        Assert.StartsWith($"Warning: cannot reach the provider at http://127.0.0.1:{port}/: Connection refused", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("; the tokens were removed locally only\n", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.DoesNotContain("\"local\"", await File.ReadAllTextAsync(_cli.AuthFile, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_cannot_be_reached_ends_with_one_line()
    {
        var port = FreePort.Next();
        var line = await _cli.RunFailingAsync("system", "login", "--provider-url", $"http://127.0.0.1:{port}");
        Assert.StartsWith($"Error: cannot reach the provider at http://127.0.0.1:{port}/: Connection refused", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url", "Error: 'not a url' is not a provider URL (expected https://host[:port][/path])")]
    [InlineData("ftp://provider.example", "Error: 'ftp://provider.example' is not a provider URL (expected https://host[:port][/path])")]
    [InlineData("http://provider.example", "Error: the provider URL http://provider.example must use https (plain http is accepted for loopback addresses only)")]
    public async Task A_malformed_provider_url_ends_with_one_line(string url, string expected) =>
        Assert.Equal(expected, await _cli.RunFailingAsync("system", "login", "--provider-url", url));

    [Fact]
    public async Task A_server_without_sign_in_ends_with_one_line()
    {
        var line = await _cli.RunFailingAsync(["system", "login", "--provider-url", provider.BaseAddress + "no-such-base/", "--ca-file", provider.Certificate.PemPath]);
        Assert.Equal(
            $"Error: the provider at {provider.BaseAddress}no-such-base/ answered 404 for its OpenID discovery document (.well-known/openid-configuration); is it a Meshery provider with sign-in?",
            line);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused_with_one_line()
    {
        var line = await _cli.RunFailingAsync("system", "login", "--provider-url", provider.BaseAddress.AbsoluteUri);
        Assert.StartsWith($"Error: cannot reach the provider at {provider.BaseAddress}: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_provider_has_no_sign_in() =>
        Assert.Equal(
            "Error: context 'local' uses the local provider (None), which has no sign-in; pass --provider-url URL or choose a remote provider with 'mesheryctl system provider set NAME'",
            await _cli.RunFailingAsync("system", "login"));
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Cli.Tests.Support;
using Meshery.Testing.Provider;

namespace Meshery.Cli.Tests.Commands.Tokens;

/// <summary><c>system token view</c> after a real device-flow sign-in.</summary>
[Collection(ProviderHostCollection.Name)]
public sealed class TokenViewCommandTests(ProviderHostFixture provider) : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Token_view_shows_the_sign_in_with_the_tokens_masked()
    {
        Assert.Equal(0, (await DeviceSignIn.LoginAsync(_cli, provider)).ExitCode);
        var json = await _cli.RunOkAsync("system", "token", "view", "-o", "json");
        using var data = JsonDocument.Parse(json.Out);
        var root = data.RootElement;
        (string, string)[] varying =
        [
            (provider.BaseAddress.AbsoluteUri, "https://<provider>/"),
            (root.GetProperty("subject").GetString()!, "<subject>"),
            (root.GetProperty("email").GetString()!, "<email>"),
            (root.GetProperty("expiresAt").GetString()!, "<expiresAt>"),
            (root.GetProperty("obtainedAt").GetString()!, "<obtainedAt>"),
        ];
        ExpectedOutput.Match("token-view-json", json.Out, varying);
        ExpectedOutput.Match("token-view", (await _cli.RunOkAsync("system", "token", "view")).Out, varying);
        ExpectedOutput.Match("token-view-yaml", (await _cli.RunOkAsync("system", "token", "view", "-o", "yaml")).Out, varying);

        var login = DeviceSignIn.StoredLogin(_cli);
        Assert.Equal(root.GetProperty("expiresAt").GetDateTimeOffset(), login.GetProperty("expiresAt").GetDateTimeOffset());
        foreach (var secret in new[] { "accessToken", "refreshToken", "idToken" })
        {
            Assert.DoesNotContain(login.GetProperty(secret).GetString()!, json.Out, StringComparison.Ordinal);
        }

        var shown = await _cli.RunOkAsync("system", "token", "view", "--show-secrets", "-o", "json");
        using var revealed = JsonDocument.Parse(shown.Out);
        Assert.Equal(login.GetProperty("accessToken").GetString(), revealed.RootElement.GetProperty("accessToken").GetString());
        Assert.Equal(login.GetProperty("refreshToken").GetString(), revealed.RootElement.GetProperty("refreshToken").GetString());
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_and_the_refresh_token_rotated()
    {
        Assert.Equal(0, (await DeviceSignIn.LoginAsync(_cli, provider)).ExitCode);
        var before = DeviceSignIn.StoredLogin(_cli);
        var file = JsonNode.Parse(await File.ReadAllTextAsync(_cli.AuthFile, TestContext.Current.CancellationToken))!;
        file["contexts"]!["local"]!["expiresAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");
        await File.WriteAllTextAsync(_cli.AuthFile, file.ToJsonString(), TestContext.Current.CancellationToken);

        var view = await _cli.RunOkAsync("system", "token", "view", "-o", "json");
        using var data = JsonDocument.Parse(view.Out);
        Assert.True(data.RootElement.GetProperty("refreshed").GetBoolean());
        Assert.False(data.RootElement.GetProperty("expired").GetBoolean());

        var after = DeviceSignIn.StoredLogin(_cli);
        var oldRefresh = before.GetProperty("refreshToken").GetString()!;
        Assert.NotEqual(oldRefresh, after.GetProperty("refreshToken").GetString());
        Assert.NotEqual(before.GetProperty("accessToken").GetString(), after.GetProperty("accessToken").GetString());
        Assert.True(after.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.OK, await DeviceSignIn.PreferencesStatusAsync(provider, after.GetProperty("accessToken").GetString()!));

        // Rotation: the redeemed refresh token is spent.
        Assert.Equal(HttpStatusCode.BadRequest, (await DeviceSignIn.RefreshAsync(provider, oldRefresh)).Status);
    }

    [Fact]
    public async Task A_refused_refresh_token_ends_with_one_line()
    {
        Assert.Equal(0, (await DeviceSignIn.LoginAsync(_cli, provider)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("system", "token", "view", "--refresh")).ExitCode);
        var spent = DeviceSignIn.StoredLogin(_cli).GetProperty("refreshToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await DeviceSignIn.RefreshAsync(provider, spent)).Status);

        // The CLI's refresh token was redeemed behind its back: the provider refuses it now.
        var line = await _cli.RunFailingAsync("system", "token", "view", "--refresh");
        Assert.StartsWith("Error: the provider refused the refresh token (invalid_grant", line, StringComparison.Ordinal);
        Assert.EndsWith("run 'mesheryctl system login' again", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_context_that_is_not_signed_in_has_no_tokens_to_view() =>
        Assert.Equal(
            "Error: context 'local' is not signed in; run 'mesheryctl system login'",
            await _cli.RunFailingAsync("system", "token", "view"));
}

using System.Text.Json.Nodes;
using Meshery.Cli.Tests.Support;
using Meshery.Testing.Provider;

namespace Meshery.Cli.Tests.Commands.Remote;

/// <summary>
/// The data commands against an agent whose only provider is the real remote one: without a sign-in the
/// agent answers 401, after <c>system login</c> the commands send the context's token (renewed when it expired).
/// </summary>
[Collection(ProviderHostCollection.Name)]
public sealed class SignedInCommandTests(ProviderHostFixture provider) : IDisposable
{
    private readonly CliHarness _cli = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _cli.Dispose();

    [Fact(Timeout = TestLimits.Test)]
    public async Task Commands_need_a_sign_in_and_then_use_its_token()
    {
        await using var agent = await RemoteModeAgent.StartAsync(provider);
        await AgentContext.UseAsync(_cli, agent.Url, "remote");
        var refused = $"Error: the Meshery server at {agent.Url} needs a valid sign-in (401); run 'mesheryctl system login'";
        Assert.Equal(refused, await _cli.RunFailingAsync("environment", "list"));
        Assert.Equal(refused, await _cli.RunFailingAsync("design", "list"));
        Assert.Equal(refused, await _cli.RunFailingAsync("adapter", "list"));

        Assert.Equal(0, (await DeviceSignIn.LoginAsync(_cli, provider)).ExitCode);
        var created = JsonNode.Parse((await _cli.RunOkAsync("environment", "create", "remote-staging", "-o", "json")).Out)!;
        var id = created["id"]!.GetValue<string>();
        var listed = JsonNode.Parse((await _cli.RunOkAsync("environment", "list", "-o", "json")).Out)!;
        Assert.Contains(listed["environments"]!.AsArray(), e => e!["id"]!.GetValue<string>() == id);
        Assert.Empty(JsonNode.Parse((await _cli.RunOkAsync("adapter", "list", "-o", "json")).Out)!.AsArray());

        // An expired access token is renewed with the refresh token (rotated) before the request.
        var before = DeviceSignIn.StoredLogin(_cli, "remote");
        var file = JsonNode.Parse(await File.ReadAllTextAsync(_cli.AuthFile, Ct))!;
        file["contexts"]!["remote"]!["expiresAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");
        await File.WriteAllTextAsync(_cli.AuthFile, file.ToJsonString(), Ct);
        var viewed = JsonNode.Parse((await _cli.RunOkAsync("environment", "view", "remote-staging", "-o", "json")).Out)!;
        Assert.Equal(id, viewed["id"]!.GetValue<string>());
        var after = DeviceSignIn.StoredLogin(_cli, "remote");
        Assert.NotEqual(before.GetProperty("refreshToken").GetString(), after.GetProperty("refreshToken").GetString());
        Assert.True(after.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        // A token the provider never issued is refused like none.
        file = JsonNode.Parse(await File.ReadAllTextAsync(_cli.AuthFile, Ct))!;
        file["contexts"]!["remote"]!["accessToken"] = "not-a-token";
        await File.WriteAllTextAsync(_cli.AuthFile, file.ToJsonString(), Ct);
        Assert.Equal(refused, await _cli.RunFailingAsync("environment", "delete", id, "-y"));
    }
}

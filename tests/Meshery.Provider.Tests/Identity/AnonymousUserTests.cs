using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Provider.Tests.Support;
using Meshery.Testing.Provider;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Meshery.Provider.Tests.Identity;

/// <summary><c>persist-anonymous-user</c>: a Meshery server with the global token gets an anonymous user and its token.</summary>
[Collection(ProviderHostCollection.Name)]
public sealed class AnonymousUserTests(ProviderHostFixture signInOnly, AnonymousUserTests.AnonymousProvider provider) : IClassFixture<AnonymousUserTests.AnonymousProvider>
{
    public const string GlobalToken = "global-token-for-anonymous-users";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_gets_an_anonymous_user_with_a_token_the_data_endpoints_accept()
    {
        var serverId = Guid.NewGuid().ToString("D");
        var (status, body) = await PostAsync(GlobalToken, Connection(serverId));
        Assert.Equal(HttpStatusCode.OK, status);
        var access = body["accessToken"]!.GetValue<string>();
        var userId = body["userId"]!.GetValue<string>();
        Assert.Equal(access, body["access_token"]!.GetValue<string>());
        Assert.Equal(userId, body["user_id"]!.GetValue<string>());
        Assert.Equal("remote", body["capability"]!["providerType"]!.GetValue<string>());
        Assert.Null(body["refresh_token"]);

        var jwt = new JsonWebToken(access);
        Assert.Equal(userId, jwt.Subject);
        Assert.Equal(provider.Identity.Kid, jwt.Kid);
        Assert.DoesNotContain("offline_access", jwt.GetPayloadValue<string>("scope"), StringComparison.Ordinal);

        using var preferences = await GetAsync("user/preferences", access);
        Assert.Equal(HttpStatusCode.OK, preferences.StatusCode);

        // The calling server is registered as the anonymous user's connection.
        using var connections = await GetAsync("api/integrations/connections?kind=meshery", access);
        var page = JsonNode.Parse(await connections.Content.ReadAsStringAsync(Cancel))!;
        var connection = Assert.Single(page["connections"]!.AsArray());
        Assert.Equal(serverId, connection!["metadata"]!["server_id"]!.GetValue<string>());

        // The same server asking again is the same anonymous user; another server is another one.
        Assert.Equal(userId, (await PostAsync(GlobalToken, Connection(serverId))).Body["userId"]!.GetValue<string>());
        Assert.NotEqual(userId, (await PostAsync(GlobalToken, Connection(Guid.NewGuid().ToString("D")))).Body["userId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-global-token-value")]
    [InlineData("Bearer global-token-for-anonymous-users")]
    public async Task Without_the_global_token_no_user_is_made(string? key)
    {
        var (status, body) = await PostAsync(key, Connection(Guid.NewGuid().ToString("D")));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(401, body["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_feature_is_advertised_only_where_the_global_token_is_configured()
    {
        Assert.Contains(await FeaturesAsync(provider.Client), f => f.Feature == "persist-anonymous-user" && f.Endpoint == "/api/identity/users/anonymous");
        Assert.DoesNotContain(await FeaturesAsync(signInOnly.Client), f => f.Feature == "persist-anonymous-user");
        using var off = await signInOnly.Client.PostAsJsonAsync("api/identity/users/anonymous", Connection("x"), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
    }

    private static JsonObject Connection(string serverId) => new()
    {
        ["kind"] = "meshery",
        ["type"] = "platform",
        ["subType"] = "management",
        ["status"] = "connected",
        ["metadata"] = new JsonObject { ["server_id"] = serverId, ["server_version"] = "v0.8.0", ["server_location"] = "http://localhost:9081" },
        ["credentialSecret"] = new JsonObject { ["token"] = null },
        ["skipCredentialVerification"] = false,
    };

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string? key, JsonObject payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/identity/users/anonymous") { Content = JsonContent.Create(payload) };
        if (key is not null)
        {
            request.Headers.Add("X-API-Key", key);
        }

        using var answer = await provider.Client.SendAsync(request, Cancel);
        var text = await answer.Content.ReadAsStringAsync(Cancel);
        return (answer.StatusCode, JsonNode.Parse(text) ?? throw new JsonException(text));
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await provider.Client.SendAsync(request, Cancel);
    }

    private static async Task<List<(string Feature, string Endpoint)>> FeaturesAsync(HttpClient client)
    {
        var document = JsonNode.Parse(await client.GetStringAsync("capabilities", Cancel))!;
        return [.. document["capabilities"]!.AsArray().Select(c => (c!["feature"]!.GetValue<string>(), c["endpoint"]?.GetValue<string>() ?? ""))];
    }

    /// <summary>A provider whose Meshery servers may ask for anonymous users.</summary>
    public sealed class AnonymousProvider() : ProviderHostFixture(new Dictionary<string, string>
    {
        ["Meshery:Provider:Identity:AnonymousUserApiKey"] = GlobalToken,
    });
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Meshery.Provider.Tests.Api;

public abstract partial class ProviderApiSuite
{
    [Fact]
    public async Task Capabilities_are_public_and_advertise_every_served_feature_with_its_endpoint()
    {
        using var plain = await SendAsync(HttpMethod.Get, "capabilities", token: null);
        using var versioned = await SendAsync(HttpMethod.Get, "v0.8.10/capabilities", token: null);

        var document = await JsonAsync(plain, HttpStatusCode.OK);
        await JsonAsync(versioned, HttpStatusCode.OK);
        Assert.Equal("remote", (string?)document["providerType"]);
        var features = document["capabilities"]!.AsArray().ToDictionary(c => (string)c!["feature"]!, c => (string)c!["endpoint"]!);
        Assert.Equal("/user/preferences", features["sync-prefs"]);
        Assert.Equal("/api/environments", features["environments"]);
        Assert.Equal("/api/integrations/connections", features["persist-connection"]);
        Assert.Equal("/api/content/patterns", features["persist-meshery-patterns"]);
        Assert.Equal("/api/events", features["persist-events"]);
    }

    [Fact]
    public async Task Every_other_endpoint_needs_a_token()
    {
        using var missing = await SendAsync(HttpMethod.Get, "user/preferences", token: null);
        using var garbage = await SendAsync(HttpMethod.Get, "api/environments", token: "not-a-token");
        using var expired = await SendAsync(
            HttpMethod.Get, "api/environments", Provider.Tokens.Mint(Guid.NewGuid(), TimeSpan.FromMinutes(1), now: DateTime.UtcNow.AddHours(-1)));

        await ProblemAsync(missing, HttpStatusCode.Unauthorized);
        await ProblemAsync(garbage, HttpStatusCode.Unauthorized);
        var problem = await ProblemAsync(expired, HttpStatusCode.Unauthorized);
        Assert.Contains("expired", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mesherys_token_forms_are_accepted_in_the_bearer_and_the_api_key_headers()
    {
        var (user, token) = NewUser();
        var oauth = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $$"""{"access_token":"{{token}}","token_type":"bearer","refresh_token":"r","expiry":"2030-01-01T00:00:00Z"}""")).TrimEnd('=');

        using var lowerBearer = new HttpRequestMessage(HttpMethod.Get, new Uri("api/identity/users/profile", UriKind.Relative));
        lowerBearer.Headers.TryAddWithoutValidation("Authorization", "bearer " + oauth);
        using var apiKey = new HttpRequestMessage(HttpMethod.Get, new Uri("api/identity/users/profile", UriKind.Relative));
        apiKey.Headers.Add("X-API-Key", token);
        apiKey.Headers.Add("SystemID", Guid.NewGuid().ToString());

        using var first = await Provider.Client.SendAsync(lowerBearer, Ct);
        using var second = await Provider.Client.SendAsync(apiKey, Ct);

        Assert.Equal(user.ToString(), (string?)(await JsonAsync(first, HttpStatusCode.OK))["id"]);
        Assert.Equal(user.ToString(), (string?)(await JsonAsync(second, HttpStatusCode.OK))["id"]);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Json;
using Meshery.Provider.Tests.Support;
using Meshery.Testing.Provider;

namespace Meshery.Provider.Tests.Api;

/// <summary>
/// The provider's HTTP contract, run against each host (the ASP.NET Core host and the Functions app
/// through the emulator): one suite, two subclasses.
/// </summary>
public abstract partial class ProviderApiSuite(IProviderUnderTest provider)
{
    protected IProviderUnderTest Provider { get; } = provider;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new user with a token for them.</summary>
    protected (Guid User, string Token) NewUser()
    {
        var user = Guid.NewGuid();
        return (user, Provider.Tokens.Mint(user));
    }

    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null, string? ifMatch = null, string? rawJson = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (rawJson is not null)
        {
            request.Content = new StringContent(rawJson, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body, body.GetType(), MesheryJson.Options), Encoding.UTF8, "application/json");
        }

        return await Provider.Client.SendAsync(request, Ct);
    }

    protected static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "null" : text)!;
    }

    protected static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)expected, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), text);
        return problem;
    }

    protected static string Etag(HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("no ETag header");
}

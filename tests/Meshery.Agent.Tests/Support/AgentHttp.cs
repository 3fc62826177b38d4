using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Meshery.Agent.Tests.Support;

/// <summary>Small helpers for talking JSON to the agent and checking what it answers.</summary>
public static class AgentHttp
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string path, string? json = null, string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = Json(json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json, string? ifMatch = null) =>
        client.SendAsync(HttpMethod.Post, path, json, ifMatch);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json, string? ifMatch = null) =>
        client.SendAsync(HttpMethod.Put, path, json, ifMatch);

    /// <summary>Asserts the status and an <c>application/json</c> body, and returns the body.</summary>
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var node = JsonNode.Parse(body)!;
        AssertCamelCase(node);
        return node;
    }

    public static Task<JsonNode> ReadOkAsync(this HttpResponseMessage response) => response.ReadJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonNode> GetOkAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return await response.ReadOkAsync();
    }

    /// <summary>Asserts an RFC 7807 answer with <paramref name="status"/> whose detail mentions <paramref name="detail"/>.</summary>
    public static async Task<JsonNode> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
        var text = (string?)problem["detail"];
        Assert.False(string.IsNullOrWhiteSpace(text), $"The problem has no detail: {body}");
        if (detail is not null)
        {
            Assert.Contains(detail, text, StringComparison.OrdinalIgnoreCase);
        }

        return problem;
    }

    public static async Task<JsonNode> SendProblemAsync(
        this HttpClient client, HttpMethod method, string path, HttpStatusCode status, string? detail = null, string? json = null)
    {
        using var response = await client.SendAsync(method, path, json);
        return await response.AssertProblemAsync(status, detail);
    }

    public static string ETagOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.ETag?.Tag ?? throw new Xunit.Sdk.XunitException("The response has no ETag.");
    }

    /// <summary>Every member name in the document is camelCase: no underscores, lower-case first letter.</summary>
    public static void AssertCamelCase(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    Assert.False(name.Contains('_', StringComparison.Ordinal), $"'{path}.{name}' is not camelCase.");
                    Assert.False(char.IsUpper(name[0]), $"'{path}.{name}' is not camelCase.");
                    AssertCamelCase(value, $"{path}.{name}");
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    AssertCamelCase(array[i], $"{path}[{i}]");
                }

                break;
        }
    }
}

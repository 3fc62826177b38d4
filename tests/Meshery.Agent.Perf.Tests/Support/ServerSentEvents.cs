using System.Net;
using System.Text.Json.Nodes;

namespace Meshery.Agent.Perf.Tests.Support;

/// <summary>Reads a run's server-sent events as the UI does: each <c>data:</c> line is one JSON event.</summary>
internal static class ServerSentEvents
{
    /// <summary>The response's status and content type, and its events (none unless it is an event stream).</summary>
    public static async Task<(HttpStatusCode Status, string? ContentType, List<JsonObject> Events, string Body)> ReadAsync(
        HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var contentType = response.Content.Headers.ContentType?.MediaType;
        var events = new List<JsonObject>();
        if (contentType != "text/event-stream")
        {
            return (response.StatusCode, contentType, events, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(JsonNode.Parse(line["data: ".Length..])!.AsObject());
            }
            else
            {
                Assert.True(line.Length == 0, $"unexpected line in the event stream: {line}");
            }
        }

        return (response.StatusCode, contentType, events, "");
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Meshery.Testing.Kubernetes.Http;

/// <summary>Writes JSON bodies and reads request bodies for the handlers.</summary>
internal static class KubeResponses
{
    public static Task WriteStatusAsync(HttpContext context, KubeStatus status) =>
        WriteJsonAsync(context, status.Code, status.ToJson());

    public static async Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        using (var writer = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            body.WriteTo(writer);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task WriteBytesAsync(HttpContext context, int statusCode, byte[] json)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Parses a JSON object body, or returns the 400 the real server would.</summary>
    public static (JsonObject? Body, KubeStatus? Error) ParseObject(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject obj
                ? (obj, null)
                : (null, KubeStatus.BadRequest("the request body must be a JSON object"));
        }
        catch (JsonException e)
        {
            return (null, KubeStatus.BadRequest($"the object provided is unrecognized: {e.Message}"));
        }
    }
}

using System.Text.Json;
using Meshery.ExtensionPoints.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meshery.ExtensionPoints.Http;

/// <summary>
/// A JSON request body bound by hand, so a malformed, empty or oversized body becomes a problem
/// details answer naming what is wrong instead of a bare 400.
/// </summary>
public sealed class JsonBody<T>
    where T : class
{
    private JsonBody(T? value, IResult? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    /// <summary>The answer to give when the body could not be read; null when <see cref="Value"/> is set.</summary>
    public IResult? Problem { get; }

    public static async ValueTask<JsonBody<T>> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.ContentLength == 0)
        {
            return Fail(StatusCodes.Status400BadRequest, "The request body is empty; a JSON document was expected.");
        }

        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            && !contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, $"Content type '{contentType}' is not supported; send application/json.");
        }

        var options = context.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? MesheryJson.Options;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, context.RequestAborted);
            return value is null
                ? Fail(StatusCodes.Status400BadRequest, "The request body is 'null'; a JSON object was expected.")
                : new JsonBody<T>(value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            return Fail(StatusCodes.Status400BadRequest, $"The request body is not valid JSON for this call{where}: {FirstSentence(ex.Message)}");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, "The request body is larger than this server accepts.");
        }
    }

    private static JsonBody<T> Fail(int status, string detail) => new(null, ProblemAnswers.Status(status, detail));

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}

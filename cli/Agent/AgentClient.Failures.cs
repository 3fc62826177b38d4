using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Meshery.Cli.Agent;

public sealed partial class AgentClient
{
    /// <summary>The one line for a refused request, from its status and problem details.</summary>
    private CliException Failure(HttpMethod method, string path, HttpStatusCode status, string? reason, JsonObject? problem, string? notFound)
    {
        var detail = Text(problem, "detail") ?? Text(problem, "title") ?? reason ?? "no detail";
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        return status switch
        {
            HttpStatusCode.Unauthorized =>
                new CliException($"the Meshery server at {Endpoint} needs a valid sign-in (401); run 'mesheryctl system login'"),
            HttpStatusCode.Forbidden =>
                new CliException($"the Meshery server at {Endpoint} does not allow {method} {path} for this sign-in (403): {detail}"),
            HttpStatusCode.NotFound when notFound is not null =>
                new CliException($"{notFound} was not found on the Meshery server at {Endpoint}"),
            HttpStatusCode.NotFound =>
                new CliException($"the Meshery server at {Endpoint} does not serve {method} {path} (404); is it an older version?"),
            HttpStatusCode.RequestEntityTooLarge =>
                new CliException($"the Meshery server refused the request as too large (413): {detail}"),
            HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.UnprocessableEntity =>
                new CliException($"the Meshery server refused the request ({code}): {detail}"),
            _ => new CliException($"the Meshery server answered {code} to {method} {path}: {detail}"),
        };
    }

    private static string? Text(JsonObject? problem, string key) =>
        problem?[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}

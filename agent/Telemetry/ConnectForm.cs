using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Meshery.Agent.Telemetry;

/// <summary>
/// Reads the connect form: Meshery's UI posts form fields (<c>grafanaURL</c>, <c>grafanaAPIKey</c>, ...), read like Go's
/// <c>FormValue</c> (form body, then query string); a JSON object with the same members is read too.
/// </summary>
public static class ConnectForm
{
    public static async Task<(ConnectRequest? Request, IResult? Problem)> ReadAsync(HttpContext context, TelemetryKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(kind);
        if (BodyLimit.Check(context) is { } tooLarge)
        {
            return (null, tooLarge);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(new FormOptions { ValueCountLimit = 64, KeyLengthLimit = 256 }, cancellationToken);
                foreach (var (key, value) in form)
                {
                    fields[key] = value.ToString();
                }
            }
            else if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                if (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken) is not JsonObject json)
                {
                    return (null, ProblemAnswers.BadRequest("Send the form fields, or a JSON object with them."));
                }

                foreach (var (key, value) in json)
                {
                    if (value is JsonValue text && text.TryGetValue<string>(out var s))
                    {
                        fields[key] = s;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException)
        {
            return (null, ProblemAnswers.BadRequest("The form cannot be read: " + ex.Message));
        }

        // The key is never taken from the query string: URLs end up in access logs.
        foreach (var (key, value) in context.Request.Query.Where(q => q.Key != kind.KeyField))
        {
            fields.TryAdd(key, value.ToString());
        }

        if (!TelemetryUrl.TryParse(fields.GetValueOrDefault(kind.UrlField), out var url, out var error))
        {
            return (null, ProblemAnswers.BadRequest($"'{kind.UrlField}' {error}."));
        }

        var secret = fields.GetValueOrDefault(kind.KeyField);
        if (kind == TelemetryKind.Grafana && string.IsNullOrWhiteSpace(secret))
        {
            return (null, ProblemAnswers.BadRequest($"'{kind.KeyField}' is required: a Grafana API key or service account token (or user:password)."));
        }

        var connectionName = kind.ConnectionNameFields.Select(fields.GetValueOrDefault).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
        return (new ConnectRequest(url, string.IsNullOrWhiteSpace(secret) ? null : secret.Trim(), connectionName, fields.GetValueOrDefault(kind.CredentialNameField)), null);
    }
}

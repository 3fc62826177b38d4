using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Meshery.Agent.Perf.Load;
using Meshery.Agent.Perf.Protos;
using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Performance;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Performance;

/// <summary>
/// Reads Meshery server's run parameters (<c>name, mesh, url, qps, c, t, dur, loadGenerator, headers, cookies,
/// reqBody, contentType</c>, and our <c>httpVersion</c>). A parameter left out takes the profile's value. <c>t</c> is a
/// number with its unit in <c>dur</c> (<c>h</c>, <c>m</c>, <c>s</c>), as Meshery's UI sends it, or a whole Go duration
/// (<c>1m30s</c>). <c>headers</c> and <c>cookies</c> are JSON objects of strings (cookies also <c>a=1; b=2</c>).
/// </summary>
public static class PerformanceRunQuery
{
    private const int MaxNameLength = 200;

    public static bool TryRead(IQueryCollection query, PerformanceProfile profile, out PerformanceRun run, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(profile);
        run = null!;
        var error = Read(query, profile, out var read);
        if (error is not null)
        {
            problem = ProblemAnswers.BadRequest(error);
            return false;
        }

        problem = null;
        run = read!;
        return true;
    }

    private static string? Read(IQueryCollection query, PerformanceProfile profile, out PerformanceRun? run)
    {
        run = null;
        var name = ListQuery.First(query, "name") ?? profile.Name;
        if (name.Length > MaxNameLength)
        {
            return $"'name' must be at most {MaxNameLength} characters.";
        }

        var url = ListQuery.First(query, "url") ?? profile.Endpoints.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(url))
        {
            return "'url' is required: the endpoint to load (the profile names none).";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
        {
            return $"'url' must be an absolute http:// or https:// URL, not '{url}'.";
        }

        var generatorText = ListQuery.First(query, "loadGenerator", "load_generator") ?? profile.LoadGenerators.FirstOrDefault();
        if (LoadGenerators.Normalize(generatorText) is not { } generator)
        {
            return $"'loadGenerator' must be {string.Join(" or ", LoadGenerators.All)}, not '{generatorText}'.";
        }

        var qpsText = ListQuery.First(query, "qps");
        double qps = profile.Qps;
        if (qpsText is not null && (!double.TryParse(qpsText, NumberStyles.Float, CultureInfo.InvariantCulture, out qps) || !double.IsFinite(qps) || qps < 0))
        {
            return $"'qps' must be a number of at least 0 (0: as fast as possible), not '{qpsText}'.";
        }

        var connectionsText = ListQuery.First(query, "c");
        var connections = Math.Max(profile.ConcurrentRequest, 1);
        if (connectionsText is not null && (!int.TryParse(connectionsText, NumberStyles.None, CultureInfo.InvariantCulture, out connections) || connections < 1))
        {
            return $"'c' (concurrent requests) must be a whole number of at least 1, not '{connectionsText}'.";
        }

        if (ReadDuration(query, profile) is not { } duration)
        {
            return "'t' must be a positive duration: a number with its unit in 'dur' (h, m or s), or a duration such as 30s or 1m30s.";
        }

        var request = new RunTestRequest
        {
            Url = target.ToString(),
            LoadGenerator = generator,
            Connections = connections,
            Qps = qps,
            DurationMs = (long)Math.Ceiling(duration.TotalMilliseconds),
            TestId = Guid.NewGuid().ToString("D"),
        };
        if (ReadPairs(ListQuery.First(query, "headers") ?? profile.RequestHeaders, "headers", allowCookieText: false, request.Headers) is { } headersError)
        {
            return headersError;
        }

        if (ReadPairs(ListQuery.First(query, "cookies") ?? profile.RequestCookies, "cookies", allowCookieText: true, request.Cookies) is { } cookiesError)
        {
            return cookiesError;
        }

        var body = ListQuery.First(query, "reqBody") ?? profile.RequestBody;
        if (!string.IsNullOrEmpty(body))
        {
            request.Body = ByteString.CopyFrom(Encoding.UTF8.GetBytes(body));
        }

        request.ContentType = ListQuery.First(query, "contentType") ?? profile.ContentType ?? "";
        request.HttpVersion = ListQuery.First(query, "httpVersion") ?? "";
        var mesh = ListQuery.First(query, "mesh") ?? profile.ServiceMesh;
        request.Labels["name"] = name;
        if (!string.IsNullOrEmpty(mesh))
        {
            request.Labels["mesh"] = mesh;
        }

        run = new PerformanceRun(name, string.IsNullOrEmpty(mesh) ? null : mesh, request);
        return null;
    }

    private static TimeSpan? ReadDuration(IQueryCollection query, PerformanceProfile profile)
    {
        var amount = ListQuery.First(query, "t");
        var unit = ListQuery.First(query, "dur");
        var text = amount is null ? profile.Duration ?? "30s"
            : unit is not null && double.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) ? amount + unit.ToLowerInvariant() switch
            {
                "h" or "hour" or "hours" => "h",
                "m" or "min" or "minute" or "minutes" => "m",
                _ => "s",
            }
            : amount;
        return GoDuration.TryParse(text, out var duration) && duration > TimeSpan.Zero ? duration : null;
    }

    private static string? ReadPairs(string? text, string key, bool allowCookieText, IDictionary<string, string> into)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    into[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }

                return null;
            }
            catch (JsonException)
            {
                return $"'{key}' must be a JSON object of strings, such as {{\"Name\":\"value\"}}.";
            }
        }

        if (allowCookieText)
        {
            foreach (var pair in trimmed.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    return $"'{key}' must be a JSON object of strings or name=value pairs separated by ';'.";
                }

                into[pair[..equals]] = pair[(equals + 1)..];
            }

            return null;
        }

        return $"'{key}' must be a JSON object of strings, such as {{\"Name\":\"value\"}}.";
    }
}

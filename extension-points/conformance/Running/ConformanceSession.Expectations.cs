using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>Assertions of a check; each failure names what was expected and what came.</summary>
internal sealed partial class ConformanceSession
{
    /// <summary>The call's value when it answered a status the rule admits; otherwise the check fails.</summary>
    [return: NotNull]
    public T Expect<T>(CallOutcome<T> outcome, StatusRule status)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ExpectStatus(outcome, status);
        if (outcome.Error is not null)
        {
            throw new CheckFailedException(outcome.Error.Message);
        }

        return outcome.Value ?? throw new CheckFailedException($"{outcome.Exchange} answered nothing usable");
    }

    /// <summary>The exchange answered a status the rule admits (failure statuses included).</summary>
    public void ExpectStatus<T>(CallOutcome<T> outcome, StatusRule status)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(status);
        if (outcome.Exchange is null)
        {
            throw new CheckFailedException(outcome.Error?.Message ?? "no request reached the provider");
        }

        if (!status.Admits(outcome.Exchange.Status, Options.Lenient))
        {
            throw new CheckFailedException($"expected {status.Expected}, got {outcome.Exchange.Status} ({outcome.Exchange})");
        }
    }

    /// <summary>A hand-made request answered the status; returns the body.</summary>
    public string ExpectStatus(RawAnswer answer, StatusRule status)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(status);
        if (!status.Admits(answer.Status, Options.Lenient))
        {
            throw new CheckFailedException($"expected {status.Expected}, got {answer.Status} ({answer.Call})");
        }

        return answer.Body;
    }

    /// <summary>The answer is <paramref name="status"/> with an <c>application/problem+json</c> body.</summary>
    public void ExpectProblem(RawAnswer answer, int status)
    {
        ExpectStatus(answer, status);
        if (!string.Equals(answer.MediaType, "application/problem+json", StringComparison.OrdinalIgnoreCase))
        {
            throw new CheckFailedException($"{answer.Call} answered {status} as '{answer.MediaType ?? "no content type"}', not application/problem+json");
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !(root.TryGetProperty("title", out _) || root.TryGetProperty("detail", out _)))
            {
                throw new CheckFailedException($"{answer.Call} answered a problem without 'title' or 'detail'");
            }

            if (root.TryGetProperty("status", out var statusProperty) && statusProperty.TryGetInt32(out var bodyStatus) && bodyStatus != status)
            {
                throw new CheckFailedException($"{answer.Call} answered {status} with a problem whose 'status' is {bodyStatus}");
            }
        }
        catch (JsonException)
        {
            throw new CheckFailedException($"{answer.Call} answered {status} with a body that is not JSON");
        }
    }

    public static void True(bool condition, string reason)
    {
        if (!condition)
        {
            throw new CheckFailedException(reason);
        }
    }

    /// <summary>A value an earlier check made, or a skip naming that check.</summary>
    public static T Needs<T>(T? value, string check)
        where T : struct =>
        value ?? throw CheckFailedException.Skipped($"needs {check}, which did not pass");
}

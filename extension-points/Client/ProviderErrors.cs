using System.Net;
using System.Text;
using System.Text.Json;
using Meshery.ExtensionPoints.Errors;

namespace Meshery.ExtensionPoints.Client;

/// <summary>Turns a provider's failure answers into <see cref="ProviderException"/>s carrying the problem details.</summary>
internal static class ProviderErrors
{
    private const int MaxDetailLength = 500;

    public static ProviderErrorKind KindOf(HttpStatusCode status) => (int)status switch
    {
        400 => ProviderErrorKind.Invalid,
        401 => ProviderErrorKind.Unauthorized,
        403 => ProviderErrorKind.Forbidden,
        404 => ProviderErrorKind.NotFound,
        409 => ProviderErrorKind.Conflict,
        412 => ProviderErrorKind.PreconditionFailed,
        408 or 429 => ProviderErrorKind.Unavailable,
        >= 400 and < 500 => ProviderErrorKind.Invalid,
        _ => ProviderErrorKind.Unavailable,
    };

    public static ProviderException FromAnswer(ProviderResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var detail = DetailOf(response);
        var message = $"The provider answered {response.StatusCode} {Reason(response.Status)} to {response.Call}" +
            (string.IsNullOrWhiteSpace(detail) ? "." : ": " + detail);
        return new ProviderException(KindOf(response.Status), message);
    }

    public static ProviderException Unexpected(ProviderResponse response, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new ProviderException(ProviderErrorKind.Unavailable, $"The provider answered {response.Call} with {what}.");
    }

    /// <summary>The <c>detail</c> (else <c>title</c>, <c>message</c>, <c>error</c>) of a JSON answer, or its text.</summary>
    public static string? DetailOf(ProviderResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in (ReadOnlySpan<string>)["detail", "title", "message", "error"])
                {
                    if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return Clip(value.GetString());
                    }
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return response.MediaType is { } type && type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                ? Clip(Encoding.UTF8.GetString(response.Body))
                : null;
        }
    }

    private static string Reason(HttpStatusCode status) =>
        Enum.IsDefined(status) ? status.ToString() : "";

    private static string? Clip(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length <= MaxDetailLength ? trimmed : trimmed[..MaxDetailLength] + "…";
    }
}

using System.Text;
using System.Text.Json;

namespace Meshery.Cli.Auth;

/// <summary>
/// What an access token says about itself (subject, issuer, expiry, scopes), read from its JWT payload
/// for display only: the provider, not the CLI, verifies tokens.
/// </summary>
public sealed record AccessTokenClaims(string? Subject, string? Issuer, DateTimeOffset? ExpiresAt, string? Scope, string? Email)
{
    public static AccessTokenClaims Read(string? token)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 3)
        {
            return new AccessTokenClaims(null, null, null, null, null);
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload += new string('=', (4 - (payload.Length % 4)) % 4);
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            var root = document.RootElement;
            return new AccessTokenClaims(
                Text(root, "sub"),
                Text(root, "iss"),
                root.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
                root.TryGetProperty("scope", out var scope) && scope.ValueKind == JsonValueKind.Array
                    ? string.Join(' ', scope.EnumerateArray().Select(s => s.GetString()))
                    : Text(root, "scope"),
                Text(root, "email"));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return new AccessTokenClaims(null, null, null, null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

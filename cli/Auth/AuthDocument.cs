using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meshery.Cli.Auth;

/// <summary>
/// <c>~/.meshery/auth.json</c>: upstream's <c>meshery-provider</c> and <c>token</c> (the Meshery token
/// cookie of the latest sign-in, which upstream's mesheryctl sends to the server) plus this CLI's sign-ins
/// per context. Keys neither knows are kept.
/// </summary>
public sealed class AuthDocument
{
    [JsonPropertyName("meshery-provider")]
    public string? MesheryProvider { get; set; }

    [JsonPropertyName("token")]
    public string? Token { get; set; }

    /// <summary>The context whose sign-in <see cref="Token"/> is.</summary>
    [JsonPropertyName("tokenContext")]
    public string? TokenContext { get; set; }

    [JsonPropertyName("contexts")]
    public Dictionary<string, StoredLogin> Contexts { get; set; } = new(StringComparer.Ordinal);

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

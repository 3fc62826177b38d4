using System.Text.Json.Serialization;

namespace Meshery.Agent.RemoteProvider.SignIn;

/// <summary><c>GET /api/token</c>: the provider in use and the session's token, as <c>mesheryctl</c> stores them.</summary>
public sealed record TokenAnswer
{
    [JsonPropertyName("meshery-provider")]
    public string Provider { get; set; } = "";

    [JsonPropertyName("token")]
    public string Token { get; set; } = "";
}

using System.Text.Json.Serialization;
using Meshery.ExtensionPoints.Capabilities;

namespace Meshery.Provider.Identity.Anonymous;

/// <summary>
/// The answer to <c>persist-anonymous-user</c>: current servers read <c>accessToken</c> and <c>userId</c>,
/// older ones <c>access_token</c> and <c>user_id</c>; <c>capability</c> is the session's capabilities document.
/// </summary>
public sealed record AnonymousUserAnswer
{
    [JsonPropertyName("accessToken")]
    public string AccessToken { get; set; } = "";

    [JsonPropertyName("userId")]
    public Guid UserId { get; set; }

    [JsonPropertyName("access_token")]
    public string LegacyAccessToken { get => AccessToken; set => AccessToken = value; }

    [JsonPropertyName("user_id")]
    public Guid LegacyUserId { get => UserId; set => UserId = value; }

    [JsonPropertyName("capability")]
    public CapabilitiesDocument? Capability { get; set; }
}

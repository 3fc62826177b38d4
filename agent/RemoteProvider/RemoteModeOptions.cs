using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.RemoteProvider;

/// <summary>
/// The remote provider the agent offers beside the Local one (<c>Meshery:Agent:RemoteProvider</c>).
/// Without a <see cref="Url"/> the agent runs in offline mode and none of this applies.
/// </summary>
public sealed class RemoteModeOptions
{
    public const string Section = "Meshery:Agent:RemoteProvider";

    /// <summary>The provider's base address, e.g. <c>https://meshery.example.com</c>; empty = offline mode only.</summary>
    public string? Url { get; set; }

    /// <summary>The provider's name: the key in <c>/api/providers</c> and the value of the <c>meshery-provider</c> cookie.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$", ErrorMessage = "Name must be 1-64 letters, digits, spaces, dots, dashes or underscores.")]
    public string Name { get; set; } = "Meshery";

    /// <summary>
    /// Every request uses this provider and Local is not offered (upstream's <c>PROVIDER</c> setting): no
    /// request reaches the local data without a session.
    /// </summary>
    public bool Enforce { get; set; }

    /// <summary>
    /// The agent's <c>/api/user/token</c> as the provider redirects to it (upstream's
    /// <c>MESHERY_SERVER_CALLBACK_URL</c>); empty = built from the request's scheme and Host header.
    /// </summary>
    public string? CallbackUrl { get; set; }

    /// <summary>How long the <c>token</c> and <c>meshery-provider</c> cookies live (Meshery: 24 h).</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a sign-in started at <c>/user/login</c> may take before <c>/api/user/token</c> refuses it.</summary>
    public TimeSpan SignInTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the provider's <c>/keys</c> are kept before they are fetched again.</summary>
    public TimeSpan KeysLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The least time between two fetches of <c>/keys</c> caused by tokens with an unknown <c>kid</c>.</summary>
    public TimeSpan KeysRefetchInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a positive <c>/introspect</c> answer is reused for the same access token (0 = every request).</summary>
    public TimeSpan IntrospectionCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a silent refresh is remembered for the cookie it replaced, so requests already in flight with
    /// the old cookie share its result instead of presenting the used refresh token again (which the
    /// provider treats as reuse and answers by revoking the whole session).
    /// </summary>
    public TimeSpan RefreshSharingWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tolerated clock difference when checking a token's <c>exp</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one call to the provider may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The version sent as <c>meshery_version</c> and in the capabilities path; empty = the agent's own.</summary>
    public string? ServerVersion { get; set; }

    /// <summary>Whether a remote provider is configured at all.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>
    /// The provider's address (with a trailing slash), once <see cref="RemoteModeOptionsValidator"/> has
    /// accepted <see cref="Url"/>. A method, not a property, so options validation never evaluates it offline.
    /// </summary>
    public Uri ProviderAddress() => new(Url!.TrimEnd('/') + "/", UriKind.Absolute);
}

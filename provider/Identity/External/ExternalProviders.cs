using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Identity.External;

/// <summary>The configured external providers, looked up by name.</summary>
public sealed partial class ExternalProviders(IOptions<IdentityServerOptions> options)
{
    /// <summary>Scopes asked for when a provider names none (<c>openid</c> is added to every request).</summary>
    public static IReadOnlyList<string> DefaultScopes { get; } = ["email", "profile"];

    public IReadOnlyList<ExternalProviderOptions> Configured { get; } = [.. options.Value.ExternalProviders];

    public ExternalProviderOptions? Find(string? name) =>
        Configured.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public static string DisplayNameOf(ExternalProviderOptions provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return string.IsNullOrWhiteSpace(provider.DisplayName) ? provider.Name : provider.DisplayName;
    }

    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}

using Microsoft.Extensions.Options;

namespace Meshery.Agent.RemoteProvider;

/// <summary>Cross-field checks of <see cref="RemoteModeOptions"/>; a bad value stops start-up naming its key.</summary>
public sealed class RemoteModeOptionsValidator : IValidateOptions<RemoteModeOptions>
{
    public ValidateOptionsResult Validate(string? name, RemoteModeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        const string S = RemoteModeOptions.Section;
        if (!IsHttpUrl(options.Url))
        {
            failures.Add($"{S}:Url must be an absolute http or https address; got '{options.Url}'.");
        }

        if (string.Equals(options.Name, Meshery.Agent.LocalProvider.Identity.LocalUser.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{S}:Name must not be '{options.Name}', the Local provider's name.");
        }

        if (!string.IsNullOrEmpty(options.CallbackUrl) && !IsHttpUrl(options.CallbackUrl))
        {
            failures.Add($"{S}:CallbackUrl must be an absolute http or https address; got '{options.CallbackUrl}'.");
        }

        Positive(failures, options.CookieLifetime, nameof(options.CookieLifetime));
        Positive(failures, options.SignInTimeout, nameof(options.SignInTimeout));
        Positive(failures, options.KeysLifetime, nameof(options.KeysLifetime));
        Positive(failures, options.Timeout, nameof(options.Timeout));
        NotNegative(failures, options.KeysRefetchInterval, nameof(options.KeysRefetchInterval));
        NotNegative(failures, options.IntrospectionCacheDuration, nameof(options.IntrospectionCacheDuration));
        NotNegative(failures, options.RefreshSharingWindow, nameof(options.RefreshSharingWindow));
        NotNegative(failures, options.ClockSkew, nameof(options.ClockSkew));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    private static void Positive(List<string> failures, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{RemoteModeOptions.Section}:{key} must be more than zero; got {value}.");
        }
    }

    private static void NotNegative(List<string> failures, TimeSpan value, string key)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add($"{RemoteModeOptions.Section}:{key} must not be negative; got {value}.");
        }
    }
}

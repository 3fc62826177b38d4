using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.Cli.Config;

namespace Meshery.Cli.Auth;

/// <summary>
/// Which provider a context signs in to: <c>--provider-url</c>, else the one of the context's earlier
/// sign-in, else the <c>providerUrl</c> the context's Meshery server lists for the context's provider.
/// </summary>
public static class ProviderAddress
{
    public static Uri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new CliException($"'{text}' is not a provider URL (expected https://host[:port][/path])");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw new CliException($"the provider URL {text} must use https (plain http is accepted for loopback addresses only)");
        }

        return new Uri(uri.AbsoluteUri.TrimEnd('/') + "/");
    }

    public static async Task<Uri> ResolveAsync(
        string? given, StoredLogin? earlier, string contextName, ContextSettings settings, CliSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(session);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return Parse(given);
        }

        if (!string.IsNullOrEmpty(earlier?.Provider))
        {
            return Parse(earlier.Provider);
        }

        var name = settings.Provider;
        if (string.IsNullOrEmpty(name) || string.Equals(name, "None", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException(
                $"context '{contextName}' uses the local provider (None), which has no sign-in; pass --provider-url URL or choose a remote provider with 'mesheryctl system provider set NAME'");
        }

        using var agent = new AgentClient(settings.EndpointUri(contextName));
        session.Detail($"GET {agent.Endpoint}api/providers");
        var providers = await agent.GetProvidersAsync(cancellationToken).ConfigureAwait(false);
        var entry = providers.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
        var url = (entry?["providerUrl"] ?? entry?["provider_url"])?.GetValue<string>();
        return string.IsNullOrWhiteSpace(url)
            ? throw new CliException($"the Meshery server at {agent.Endpoint} lists no URL for provider '{name}'; pass --provider-url URL")
            : Parse(url);
    }
}

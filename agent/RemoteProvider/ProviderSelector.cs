using Meshery.Agent.RemoteProvider.SignIn;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.RemoteProvider;

/// <summary>
/// Which provider a request uses, as upstream's server decides it: the <c>meshery-provider</c> cookie, else
/// the header of that name, else the <c>provider</c> query value. With <see cref="RemoteModeOptions.Enforce"/>
/// always the remote provider; a request that names no provider but carries a bearer token is the remote
/// provider's too (Local has no tokens); anything else is Local (offline mode stays the default).
/// </summary>
public sealed class ProviderSelector(IOptions<RemoteModeOptions> options)
{
    public const string QueryKey = "provider";

    public bool IsRemote(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = options.Value;
        if (!remote.IsEnabled)
        {
            return false;
        }

        if (remote.Enforce)
        {
            return true;
        }

        var request = context.Request;
        var chosen = request.Cookies[SessionCookies.Provider];
        if (string.IsNullOrEmpty(chosen))
        {
            chosen = request.Headers[SessionCookies.Provider].ToString();
        }

        if (string.IsNullOrEmpty(chosen))
        {
            chosen = request.Query[QueryKey].ToString();
        }

        return string.IsNullOrEmpty(chosen)
            ? request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            : string.Equals(chosen, remote.Name, StringComparison.Ordinal);
    }
}

using Meshery.Cli.Auth;

namespace Meshery.Cli.Agent;

/// <summary>
/// The context's Meshery server as the context's sign-in sees it: requests carry the access token of
/// <c>system login</c> (renewed first when it has expired and a refresh token is kept); a context that
/// never signed in sends none, which the server's local provider accepts.
/// </summary>
public static class SignedInAgent
{
    /// <summary>Longest one data request may take (an import sends a design of up to several MiB).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    public static async Task<AgentClient> ConnectAsync(CliSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var config = session.LoadConfig();
        var (name, settings) = session.ResolveContext(config);
        var endpoint = settings.EndpointUri(name);
        var auth = new AuthFile(session.Paths.AuthFile);
        var login = auth.Find(name);
        if (login is { ExpiresAt: { } expiry, RefreshToken.Length: > 0 } && expiry <= session.Console.Time.GetUtcNow())
        {
            login = await LoginRefresher.RefreshAsync(session, login, login.CaFile, cancellationToken).ConfigureAwait(false);
            auth.Store(name, login);
        }

        session.Detail(login is null
            ? $"server {endpoint}: context '{name}' is not signed in, so no token is sent"
            : $"server {endpoint}: sending context '{name}''s token from {login.Provider}");
        return new AgentClient(endpoint, RequestTimeout, login?.AccessToken) { Trace = session.Detail };
    }
}

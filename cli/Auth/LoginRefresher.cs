namespace Meshery.Cli.Auth;

/// <summary>Renews a context's tokens with its refresh token (the provider rotates the refresh token).</summary>
public static class LoginRefresher
{
    /// <summary>The renewed sign-in; a refused refresh token throws a <see cref="CliException"/> that says to sign in again.</summary>
    public static async Task<StoredLogin> RefreshAsync(CliSession session, StoredLogin login, string? caFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(login);
        if (string.IsNullOrEmpty(login.RefreshToken))
        {
            throw new CliException("the sign-in keeps no refresh token; run 'mesheryctl system login'");
        }

        using var oauth = new ProviderOAuthClient(ProviderAddress.Parse(login.Provider), caFile);
        session.Detail($"refreshing the tokens at {oauth.Provider}");
        var answer = await oauth.RefreshAsync(login.ClientId, login.RefreshToken, cancellationToken).ConfigureAwait(false);
        if (answer.IsError)
        {
            throw new CliException(answer.Error == "invalid_grant"
                ? $"the provider refused the refresh token ({ProviderOAuthClient.Describe(answer)}); run 'mesheryctl system login' again"
                : $"the provider at {oauth.Provider} could not refresh the tokens: {ProviderOAuthClient.Describe(answer)}");
        }

        return StoredLogin.FromAnswer(answer, login, session.Console.Time.GetUtcNow(), login);
    }
}

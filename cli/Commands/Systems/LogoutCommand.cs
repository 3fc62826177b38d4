using System.CommandLine;
using System.Text.Json.Nodes;
using Meshery.Cli.Auth;

namespace Meshery.Cli.Commands.Systems;

/// <summary>
/// <c>system logout</c>: revokes the context's refresh token at its provider and forgets the sign-in.
/// An unreachable provider does not keep the tokens on disk: they are removed with a warning.
/// </summary>
public static class LogoutCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var caFile = SignInOptions.CreateCaFile();
        var command = new Command(
            "logout",
            "Sign the context out: revoke its refresh token at the provider and remove its tokens from ~/.meshery/auth.json "
            + "(removed even when the provider cannot be reached, with a warning)")
        {
            caFile,
        };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var config = session.LoadConfig();
            var (name, _) = session.ResolveContext(config);
            var auth = new AuthFile(session.Paths.AuthFile);
            var login = auth.Find(name);
            if (login is null)
            {
                auth.Remove(name);
                session.Output.Write(
                    new JsonObject { ["context"] = name, ["signedIn"] = false },
                    () => new Spectre.Console.Text($"Context '{name}' is not signed in.\n"));
                return 0;
            }

            var warning = await RevokeAsync(login, SignInOptions.ResolveCaFile(parse.GetValue(caFile), login.CaFile, session), cancellationToken).ConfigureAwait(false);
            auth.Remove(name);
            if (warning is not null)
            {
                session.Console.Error.WriteLine($"Warning: {warning}; the tokens were removed locally only");
            }

            session.Output.Write(
                new JsonObject { ["context"] = name, ["provider"] = login.Provider, ["revoked"] = warning is null },
                () => new Spectre.Console.Text(warning is null
                    ? $"Signed out of {login.Provider} for context '{name}'; the refresh token is revoked.\n"
                    : $"Signed out locally for context '{name}'.\n"));
            return 0;
        });
        return command;
    }

    /// <summary>Revokes the refresh token; null when done, else why not.</summary>
    private static async Task<string?> RevokeAsync(StoredLogin login, string? caFile, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(login.RefreshToken))
        {
            return null;
        }

        Uri provider;
        try
        {
            provider = ProviderAddress.Parse(login.Provider);
        }
        catch (CliException ex)
        {
            return ex.Message;
        }

        using var oauth = new ProviderOAuthClient(provider, caFile);
        try
        {
            var answer = await oauth.RevokeAsync(login.ClientId, login.RefreshToken, cancellationToken).ConfigureAwait(false);
            return !answer.IsError ? null
                : answer.ErrorType == Duende.IdentityModel.Client.ResponseErrorType.Exception ? oauth.Unreachable(answer).Message
                : $"the provider at {provider} did not revoke the refresh token ({ProviderOAuthClient.Describe(answer)})";
        }
        catch (CliException ex)
        {
            // Discovery failed: the provider is offline or no longer what it was.
            return ex.Message;
        }
    }
}

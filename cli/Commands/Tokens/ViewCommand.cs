using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Meshery.Cli.Auth;
using Meshery.Cli.Commands.Systems;

namespace Meshery.Cli.Commands.Tokens;

/// <summary>
/// <c>system token view</c>: the context's sign-in (subject, issuer, expiry, scopes) with the token values
/// masked unless <c>--show-secrets</c>. An expired access token is refreshed first when a refresh token
/// is kept (the provider rotates it), as is any with <c>--refresh</c>.
/// </summary>
public static class ViewCommand
{
    public const string Masked = "********";

    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var showSecrets = new Option<bool>("--show-secrets") { Description = "Print the access, refresh and ID tokens themselves (they are secrets)" };
        var refresh = new Option<bool>("--refresh") { Description = "Refresh the tokens now even if the access token has not expired" };
        var caFile = SignInOptions.CreateCaFile();
        var command = new Command(
            "view",
            "Show the context's tokens: subject, issuer, expiry and scopes, values masked unless --show-secrets; "
            + "an expired access token is refreshed first when a refresh token is kept")
        {
            showSecrets, refresh, caFile,
        };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var config = session.LoadConfig();
            var (name, _) = session.ResolveContext(config);
            var auth = new AuthFile(session.Paths.AuthFile);
            var login = auth.Find(name)
                ?? throw new CliException($"context '{name}' is not signed in; run 'mesheryctl system login'");
            var now = session.Console.Time.GetUtcNow();
            var expired = login.ExpiresAt is { } expiry && expiry <= now;
            var refreshed = false;
            if ((expired || parse.GetValue(refresh)) && !string.IsNullOrEmpty(login.RefreshToken))
            {
                login = await LoginRefresher.RefreshAsync(session, login, SignInOptions.ResolveCaFile(parse.GetValue(caFile), login.CaFile, session), cancellationToken).ConfigureAwait(false);
                auth.Store(name, login);
                refreshed = true;
                now = session.Console.Time.GetUtcNow();
                expired = login.ExpiresAt is { } renewed && renewed <= now;
            }
            else if (parse.GetValue(refresh))
            {
                throw new CliException($"context '{name}' keeps no refresh token; run 'mesheryctl system login'");
            }

            var secrets = parse.GetValue(showSecrets);
            var claims = AccessTokenClaims.Read(login.AccessToken);
            var fields = new List<(string Key, string? Value)>
            {
                ("context", name),
                ("provider", login.Provider),
                ("issuer", claims.Issuer ?? login.Issuer),
                ("clientId", login.ClientId),
                ("subject", claims.Subject),
                ("email", claims.Email),
                ("scopes", login.Scope ?? claims.Scope),
                ("tokenType", login.TokenType),
                ("expiresAt", login.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture)),
                ("obtainedAt", login.ObtainedAt.ToString("O", CultureInfo.InvariantCulture)),
                ("accessToken", Secret(login.AccessToken, secrets)),
                ("refreshToken", Secret(login.RefreshToken, secrets)),
                ("idToken", Secret(login.IdToken, secrets)),
            };
            var data = new JsonObject();
            foreach (var (key, value) in fields)
            {
                data[key] = key == "scopes"
                    ? new JsonArray((value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => (JsonNode)JsonValue.Create(s)).ToArray())
                    : value;
            }

            data["expired"] = expired;
            data["refreshed"] = refreshed;
            session.Output.Write(data, () => session.Output.Table(
                ["FIELD", "VALUE"],
                fields.Concat<(string Key, string? Value)>([("expired", expired ? "yes" : "no"), ("refreshed", refreshed ? "yes" : "no")])
                    .Select(f => (IReadOnlyList<string>)[f.Key, f.Value ?? "-"])));
            return 0;
        });
        return command;
    }

    private static string? Secret(string? value, bool show) =>
        string.IsNullOrEmpty(value) ? null : show ? value : Masked;
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Meshery.Cli.Auth;
using Meshery.Cli.Output;

namespace Meshery.Cli.Commands.Systems;

/// <summary>
/// <c>system login</c>: signs the context in to its provider with the OAuth 2.0 device flow and keeps
/// the token set in <c>~/.meshery/auth.json</c>.
/// </summary>
public static class LoginCommand
{
    /// <summary>The provider's default public client for the CLI.</summary>
    public const string DefaultClientId = "mesheryctl";

    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var providerUrl = SignInOptions.CreateProviderUrl();
        var caFile = SignInOptions.CreateCaFile();
        var clientId = new Option<string?>("--client-id")
        {
            Description = $"The OAuth client to sign in as (default: the provider's '{DefaultClientId}' device-flow client)",
            HelpName = "id",
        };
        var timeout = new Option<int?>("--timeout")
        {
            Description = "Give up after this many seconds without approval (default: when the provider's code expires)",
            HelpName = "seconds",
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--timeout must be at least 1 second");
            }
        });
        var command = new Command(
            "login",
            "Sign in to the context's provider: prints a URL and a code to enter there in a browser, waits for the approval, "
            + "and keeps the tokens for the context in ~/.meshery/auth.json (mode 0600)")
        {
            providerUrl, clientId, caFile, timeout,
        };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var config = session.LoadConfig();
            var (name, settings) = session.ResolveContext(config);
            var auth = new AuthFile(session.Paths.AuthFile);
            var earlier = auth.Find(name);
            var provider = await ProviderAddress.ResolveAsync(parse.GetValue(providerUrl), earlier, name, settings, session, cancellationToken).ConfigureAwait(false);
            var sameProvider = earlier is not null && string.Equals(earlier.Provider, provider.AbsoluteUri, StringComparison.Ordinal);
            var ca = SignInOptions.ResolveCaFile(parse.GetValue(caFile), sameProvider ? earlier!.CaFile : null, session);
            var client = parse.GetValue(clientId) ?? (sameProvider ? earlier!.ClientId : null) ?? DefaultClientId;

            using var oauth = new ProviderOAuthClient(provider, ca);
            session.Detail($"GET {provider}.well-known/openid-configuration");
            var discovery = await oauth.DiscoverAsync(cancellationToken).ConfigureAwait(false);
            var flow = new DeviceLogin(oauth, session.Console, session.Detail);
            var code = await flow.StartAsync(client, cancellationToken).ConfigureAwait(false);
            ShowCode(session, name, provider, code.VerificationUri!, code.UserCode!, code.VerificationUriComplete);

            var seconds = parse.GetValue(timeout);
            var answer = await ProgressReporter.RunAsync(session.Console, session.Format, "Sign-in", report =>
                flow.WaitAsync(client, code, seconds is { } s ? TimeSpan.FromSeconds(s) : null, report, cancellationToken)).ConfigureAwait(false);

            var template = new StoredLogin
            {
                Provider = provider.AbsoluteUri,
                ProviderName = string.Equals(settings.Provider, "None", StringComparison.OrdinalIgnoreCase) ? null : settings.Provider,
                Issuer = discovery.Issuer,
                ClientId = client,
                CaFile = ca,
            };
            var login = StoredLogin.FromAnswer(answer, template, session.Console.Time.GetUtcNow());
            auth.Store(name, login);

            var claims = AccessTokenClaims.Read(login.AccessToken);
            var who = claims.Email ?? claims.Subject ?? "the approving user";
            var data = new JsonObject
            {
                ["context"] = name,
                ["provider"] = login.Provider,
                ["subject"] = claims.Subject,
                ["expiresAt"] = login.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture),
                ["scopes"] = login.Scope,
                ["file"] = auth.FilePath,
            };
            session.Output.Write(data, () => new Spectre.Console.Text(
                $"Signed in to {login.Provider} as {who} for context '{name}'; tokens saved in {auth.FilePath}.\n"));
            return 0;
        });
        return command;
    }

    /// <summary>Where to approve the sign-in: on stdout for people, on stderr when stdout carries -o json|yaml data.</summary>
    private static void ShowCode(CliSession session, string context, Uri provider, string verificationUri, string userCode, string? complete)
    {
        var writer = session.Format == OutputFormat.Table ? session.Console.Out : session.Console.Error;
        writer.WriteLine($"To sign in context '{context}' to {provider}:");
        writer.WriteLine($"  1. Open {verificationUri} in a browser");
        writer.WriteLine($"  2. Enter the code {userCode}");
        if (!string.IsNullOrEmpty(complete))
        {
            writer.WriteLine($"  (or open {complete}, which fills the code in)");
        }

        writer.Flush();
    }
}

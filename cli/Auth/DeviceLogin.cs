using System.Globalization;
using Duende.IdentityModel.Client;
using Meshery.Cli.Console;

namespace Meshery.Cli.Auth;

/// <summary>
/// The OAuth 2.0 device authorization grant (RFC 8628) as a CLI runs it: ask for a code, show where to
/// enter it, then poll the token endpoint every <c>interval</c> seconds (five more after each
/// <c>slow_down</c>) until the user approves or denies it, the code expires, or the wait times out.
/// </summary>
public sealed class DeviceLogin(ProviderOAuthClient provider, CliConsole console, Action<string> detail)
{
    /// <summary>RFC 8628's polling interval when the provider names none.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    /// <summary>What the CLI asks for: a refresh token (offline_access) besides the user's identity.</summary>
    public const string Scope = "openid profile email offline_access";

    private const int MaxNetworkFailures = 3;

    public async Task<DeviceAuthorizationResponse> StartAsync(string clientId, CancellationToken cancellationToken)
    {
        var code = await provider.RequestDeviceCodeAsync(clientId, Scope, cancellationToken).ConfigureAwait(false);
        if (code.IsError)
        {
            throw new CliException(code.Error is "invalid_client" or "unauthorized_client"
                ? $"the provider at {provider.Provider} does not accept client '{clientId}' for the device flow ({ProviderOAuthClient.Describe(code)})"
                : $"the provider at {provider.Provider} refused the sign-in request: {ProviderOAuthClient.Describe(code)}");
        }

        if (string.IsNullOrEmpty(code.DeviceCode) || string.IsNullOrEmpty(code.UserCode) || string.IsNullOrEmpty(code.VerificationUri))
        {
            throw new CliException($"the provider at {provider.Provider} sent an incomplete device authorization answer");
        }

        return code;
    }

    /// <summary>Polls until a token set arrives; every other ending is a <see cref="CliException"/>.</summary>
    public async Task<TokenResponse> WaitAsync(
        string clientId, DeviceAuthorizationResponse code, TimeSpan? timeout, Action<string> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(report);
        var time = console.Time;
        var interval = code.Interval > 0 ? TimeSpan.FromSeconds(code.Interval) : DefaultInterval;
        // expires_in counts down from the code's creation: a short-lived code answered slowly arrives with 0 left
        // (and expired_token follows at the first poll). Only a provider that leaves it out gets RFC 8628's usual 600.
        var lifetime = TimeSpan.FromSeconds(code.ExpiresIn is >= 0 ? code.ExpiresIn.Value : 600);

        // Without --timeout the provider decides: it answers expired_token once the code's lifetime is over.
        var limit = timeout ?? lifetime + interval + interval;
        var started = time.GetTimestamp();
        var failures = 0;
        report($"waiting for approval (the code expires in {Duration(lifetime)})");
        while (true)
        {
            var remaining = limit - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw TimedOut(limit);
            }

            await Task.Delay(interval < remaining ? interval : remaining, time, cancellationToken).ConfigureAwait(false);
            if (time.GetElapsedTime(started) >= limit)
            {
                throw TimedOut(limit);
            }

            var answer = await provider.PollAsync(clientId, code.DeviceCode!, cancellationToken).ConfigureAwait(false);
            detail(answer.IsError ? $"poll: {ProviderOAuthClient.Describe(answer)}" : "poll: tokens issued");
            if (!answer.IsError)
            {
                return answer;
            }

            if (ProviderOAuthClient.IsNetworkFailure(answer))
            {
                // A blip while waiting is retried (RFC 8628 section 3.5 asks clients to back off); several in a row end it.
                if (++failures >= MaxNetworkFailures)
                {
                    throw provider.Unreachable(answer);
                }

                interval += interval;
                report($"provider unreachable, retrying every {Duration(interval)}");
                continue;
            }

            failures = 0;
            switch (answer.Error)
            {
                case "authorization_pending":
                    continue;
                case "slow_down":
                    interval += TimeSpan.FromSeconds(5);
                    report($"waiting for approval (polling every {Duration(interval)} as the provider asked)");
                    continue;
                case "access_denied":
                    throw new CliException("the sign-in was denied at the provider (access_denied); run 'mesheryctl system login' to try again");
                case "expired_token":
                    throw new CliException("the code expired before it was approved (expired_token); run 'mesheryctl system login' for a new one");
                default:
                    throw new CliException($"the provider refused the sign-in: {ProviderOAuthClient.Describe(answer)}");
            }
        }
    }

    private static CliException TimedOut(TimeSpan limit) =>
        new($"timed out after {Duration(limit)} waiting for the code to be approved; run 'mesheryctl system login' to try again");

    internal static string Duration(TimeSpan span) =>
        span.TotalSeconds < 120
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(span.TotalSeconds):0} s")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(span.TotalMinutes):0} min");
}

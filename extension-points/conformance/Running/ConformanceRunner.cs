using System.Diagnostics;
using System.Runtime.CompilerServices;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Conformance.Checks;
using Meshery.ExtensionPoints.Errors;

namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>
/// Checks a provider against the Extension Points: loads its capabilities document, then exercises every
/// advertised capability end to end through the remote provider client (create, read, update, list,
/// delete, snake_case input, bad input, paging, entity-tag conflicts and, with a second token, isolation).
/// </summary>
public sealed class ConformanceRunner
{
    private readonly ConformanceOptions _options;
    private readonly HttpMessageHandler? _handler;

    /// <param name="options">The provider, tokens and strictness.</param>
    /// <param name="handler">The handler to send through (kept open); by default a new socket handler.</param>
    public ConformanceRunner(ConformanceOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _handler = handler;
    }

    /// <summary>Runs every check and collects the results.</summary>
    public async Task<ConformanceReport> RunAllAsync(CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        await foreach (var result in RunAsync(cancellationToken))
        {
            results.Add(result);
        }

        return new ConformanceReport(_options.Provider.ToString(), _options.Build, results);
    }

    /// <summary>Runs the checks one after another, yielding each result as it is known.</summary>
    public async IAsyncEnumerable<CheckResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var session = new ConformanceSession(_options, _handler);
        var fetch = await RunCheckAsync(new Check("capabilities.fetch", ct => FetchCapabilitiesAsync(session, ct)), cancellationToken);
        yield return fetch;
        if (fetch.Outcome != CheckOutcome.Pass)
        {
            yield break;
        }

        foreach (var suite in Suites(session))
        {
            var missing = suite.Features.Where(f => !session.Capabilities.Supports(f)).ToArray();
            if (missing.Length > 0)
            {
                yield return new CheckResult(suite.Name, CheckOutcome.Skip, $"not advertised: {string.Join(", ", missing)}");
                continue;
            }

            try
            {
                foreach (var check in suite.Checks())
                {
                    yield return await RunCheckAsync(check, cancellationToken);
                }
            }
            finally
            {
                await CleanupAsync(suite, cancellationToken);
            }
        }
    }

    private static IEnumerable<CheckSuite> Suites(ConformanceSession session) =>
    [
        new AuthChecks(session),
        new UserProfileChecks(session),
        new OrganizationChecks(session),
        new PreferencesChecks(session),
        new EnvironmentChecks(session),
        new WorkspaceChecks(session),
        new ConnectionChecks(session),
        new CredentialChecks(session),
        new PerformanceProfileChecks(session),
        new PerformanceResultChecks(session),
        new DesignChecks(session),
        new EventChecks(session),
    ];

    private static async Task<string> FetchCapabilitiesAsync(ConformanceSession session, CancellationToken cancellationToken)
    {
        var outcome = await session.CallAsync(() => session.Client.GetCapabilitiesAsync(null, cancellationToken));
        var document = session.Expect(outcome, 200);
        ConformanceSession.True(document.ProviderName.Length > 0, $"{outcome.Exchange} answered no providerName");
        ConformanceSession.True(document.ProviderType == ProviderTypes.Remote, $"{outcome.Exchange} answered providerType '{document.ProviderType}', not 'remote'");
        var known = document.Capabilities.Select(c => c.Feature).Where(Features.All.Contains).Distinct().ToArray();
        var withoutEndpoint = document.Capabilities.Where(c => string.IsNullOrWhiteSpace(c.Endpoint) && c.Feature != Features.PersistAnonymousUser)
            .Select(c => c.Feature).ToArray();
        ConformanceSession.True(withoutEndpoint.Length == 0, $"features advertised without an endpoint: {string.Join(", ", withoutEndpoint)}");
        session.Capabilities = document;
        return $"'{document.ProviderName}' advertises {known.Length} features: {string.Join(", ", known)}";
    }

    private static async Task<CheckResult> RunCheckAsync(Check check, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var reason = await check.RunAsync(cancellationToken);
            return new CheckResult(check.Name, CheckOutcome.Pass, reason, clock.Elapsed.TotalMilliseconds);
        }
        catch (CheckFailedException ex)
        {
            return new CheckResult(check.Name, ex.Skip ? CheckOutcome.Skip : CheckOutcome.Fail, ex.Message, clock.Elapsed.TotalMilliseconds);
        }
        catch (ProviderException ex)
        {
            return new CheckResult(check.Name, CheckOutcome.Fail, ex.Message, clock.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            return new CheckResult(check.Name, CheckOutcome.Fail, $"{ex.GetType().Name}: {ex.Message}", clock.Elapsed.TotalMilliseconds);
        }
    }

    private static async Task CleanupAsync(CheckSuite suite, CancellationToken cancellationToken)
    {
        try
        {
            await suite.CleanupAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is CheckFailedException or ProviderException or HttpRequestException)
        {
            // Cleanup is best effort; a provider that fails here has already failed a check.
        }
    }
}

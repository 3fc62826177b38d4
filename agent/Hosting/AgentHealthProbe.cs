using Microsoft.Extensions.Configuration;

namespace Meshery.Agent.Hosting;

/// <summary>
/// <c>meshery-agent healthcheck</c>: asks the agent running beside it for <c>/healthz</c> on loopback and exits 0 when
/// it answers 2xx, 1 otherwise. The image's <c>HEALTHCHECK</c> runs it, so the image needs neither curl nor a shell.
/// It reads the port from the same settings as the agent (environment, then <c>--Meshery:Agent:Port</c> arguments).
/// </summary>
public static class AgentHealthProbe
{
    public const string Verb = "healthcheck";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static bool IsRequested(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count > 0 && string.Equals(args[0], Verb, StringComparison.Ordinal);
    }

    /// <summary>Probes the agent; <paramref name="args"/> are the command line after <see cref="Verb"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var options = configuration.GetSection(AgentOptions.Section).Get<AgentOptions>() ?? new AgentOptions();
        var url = new Uri($"http://{LoopbackFor(options.Host)}:{options.Port}/healthz");
        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }

            await error.WriteLineAsync($"healthcheck: {url} answered {(int)response.StatusCode}").ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"healthcheck: {url}: {ex.Message}").ConfigureAwait(false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"healthcheck: {url} did not answer within {Timeout.TotalSeconds:0} s").ConfigureAwait(false);
        }

        return 1;
    }

    /// <summary>The address to probe: loopback when the agent listens on every interface, else the address it listens on.</summary>
    private static string LoopbackFor(string host) => host switch
    {
        "*" or "+" or "0.0.0.0" or "" => "127.0.0.1",
        "::" or "[::]" => "[::1]",
        _ => host,
    };
}

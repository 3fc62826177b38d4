using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Meshery.Cli.Output;

namespace Meshery.Cli.Commands.Perf;

/// <summary>
/// <c>perf apply [profile-name]</c>: runs a performance test through the Meshery server, creating the profile first
/// when none has that name (it then needs <c>--url</c>), shows progress while it runs and prints the result.
/// </summary>
public static partial class ApplyCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var profileName = new Argument<string?>("profile-name") { Description = "The performance profile to run (created when it does not exist)", Arity = ArgumentArity.ZeroOrOne };
        var url = new Option<string?>("--url") { Description = "URL to load (http or https)", HelpName = "url" };
        var qps = new Option<string?>("--qps") { Description = "Requests per second over all connections; 0 = as fast as possible", HelpName = "n" };
        var connections = new Option<int?>("--concurrent-requests") { Description = "Connections, each with one request in flight", HelpName = "n" };
        var duration = new Option<string?>("--duration") { Description = "How long the test runs, such as 30s, 2m or 1m30s", HelpName = "duration" };
        var generator = new Option<string?>("--load-generator") { Description = "fortio (closed loop) or wrk2 (constant rate)", HelpName = "name" };
        generator.AcceptOnlyFromAmong("fortio", "wrk2");
        var mesh = new Option<string?>("--mesh") { Description = "Service mesh under test, recorded with the result", HelpName = "name" };
        var name = new Option<string?>("--name") { Description = "Name of this test's result (default: the profile's name)", HelpName = "name" };
        var file = new Option<string?>("--file") { Description = "A Service Mesh Performance test configuration (YAML or JSON)", HelpName = "path" };
        var command = new Command("apply", "Run a performance test, creating its profile when needed")
        {
            profileName, url, qps, connections, duration, generator, mesh, name, file,
        };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var config = parse.GetValue(file) is { } path ? SmpTestConfig.Load(CliSession.ExpandHome(path, session.Console.HomeDirectory)) : new SmpTestConfig();
            var test = new PerfTestRequest
            {
                Profile = parse.GetValue(profileName) ?? config.Name
                    ?? throw new CliException("name the performance profile to run: 'mesheryctl perf apply <profile-name> --url <url>'"),
                Url = parse.GetValue(url) ?? config.Url,
                Qps = ParseQps(parse.GetValue(qps)) ?? config.Qps,
                Connections = parse.GetValue(connections) ?? config.Connections,
                Duration = CheckDuration(parse.GetValue(duration) ?? config.Duration),
                LoadGenerator = parse.GetValue(generator) ?? config.LoadGenerator,
                Mesh = parse.GetValue(mesh),
                Name = parse.GetValue(name),
                Headers = config.Headers,
                Cookies = config.Cookies,
                Body = config.Body,
                ContentType = config.ContentType,
            };
            if (test.Connections is < 1)
            {
                throw new CliException($"--concurrent-requests must be at least 1, not {test.Connections}");
            }

            using var client = PerfApiClient.For(session);
            var profile = await PerfProfiles.FindAsync(client, test.Profile, cancellationToken).ConfigureAwait(false);
            if (profile is null)
            {
                profile = await client.SaveProfileAsync(test.NewProfile(), cancellationToken).ConfigureAwait(false);
                session.Output.Line($"Created performance profile '{test.Profile}' ({profile["id"]}).");
            }

            var profileId = PerfProfiles.IdOf(profile);
            session.Detail($"GET {client.Endpoint}api/user/performance/profiles/{profileId}/run");
            var last = await ProgressReporter.RunAsync(session.Console, session.Format, $"Running {test.Profile}", report =>
                client.RunAsync(profileId, test.RunParameters((string?)profile["name"] ?? test.Profile), e => report((string?)e["message"] ?? ""), cancellationToken))
                .ConfigureAwait(false);
            if ((string?)last["status"] != "success" || last["result"] is not JsonObject result)
            {
                throw new CliException($"the test failed: {(string?)last["message"] ?? "no result"}");
            }

            session.Output.Write(result, () => session.Output.Table(["METRIC", "VALUE"], PerfTables.Summary(result)));
            return 0;
        });
        return command;
    }

    private static double? ParseQps(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var qps) && double.IsFinite(qps) && qps >= 0
            ? qps
            : throw new CliException($"--qps must be a number of at least 0 (0: as fast as possible), not '{text}'");
    }

    private static string? CheckDuration(string? text) =>
        text is null || DurationPattern().IsMatch(text)
            ? text
            : throw new CliException($"--duration must be a duration such as 30s, 2m or 1m30s, not '{text}'");

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(h|m|s|ms))+$")]
    private static partial Regex DurationPattern();
}

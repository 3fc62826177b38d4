using System.Globalization;
using System.Text.Json;
using Meshery.ExtensionPoints.Conformance.Running;

namespace Meshery.ExtensionPoints.Conformance.Cli;

/// <summary>
/// The console runner: one line per check (<c>PASS environments.create …</c>) and a summary, or one
/// JSON report with <c>-o json</c>. Exit code 0 when nothing failed, 1 when a check failed, 2 on a usage error.
/// </summary>
public static class ConformanceCommand
{
    public const int Succeeded = 0;
    public const int ChecksFailed = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var command = CommandLine.Parse(args, Environment.GetEnvironmentVariable, out var problem);
        if (command is null)
        {
            if (problem is null)
            {
                await output.WriteLineAsync(CommandLine.Usage);
                return Succeeded;
            }

            await error.WriteLineAsync("meshery-conformance: " + problem);
            return UsageError;
        }

        var options = new ConformanceOptions
        {
            Provider = command.Provider,
            Token = command.Token,
            SecondToken = command.SecondToken,
            Lenient = command.Lenient,
        };
        options = command.Build is { } build ? options with { Build = build } : options;
        options = command.Timeout is { } timeout ? options with { Timeout = timeout } : options;
        var runner = new ConformanceRunner(options, handler);
        var results = new List<CheckResult>();
        await foreach (var result in runner.RunAsync(cancellationToken))
        {
            results.Add(result);
            if (!command.Json)
            {
                await output.WriteLineAsync(Line(result));
            }
        }

        var report = new ConformanceReport(options.Provider.ToString(), options.Build, results);
        if (command.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(report, ConformanceJsonContext.Default.ConformanceReport));
        }
        else
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"{report.Passed} passed, {report.Failed} failed, {report.Skipped} skipped"));
        }

        return report.Succeeded ? Succeeded : ChecksFailed;
    }

    /// <summary><c>PASS environments.create: POST /api/environments -> 201</c>.</summary>
    public static string Line(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var word = result.Outcome switch
        {
            CheckOutcome.Pass => "PASS",
            CheckOutcome.Fail => "FAIL",
            _ => "SKIP",
        };
        return $"{word} {result.Name}: {result.Reason}";
    }
}

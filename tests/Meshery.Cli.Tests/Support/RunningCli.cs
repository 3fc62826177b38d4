using System.Text.RegularExpressions;

namespace Meshery.Cli.Tests.Support;

/// <summary>A mesheryctl invocation still running in-process: its output so far, and its end.</summary>
public sealed class RunningCli(Task<int> run, LiveWriter output, LiveWriter error)
{
    public string Out => output.ToString();

    public string Error => error.ToString();

    /// <summary>Waits until stdout (or stderr) matches <paramref name="pattern"/> (first group returned); fails if the command ends first.</summary>
    public async Task<string> WaitForAsync(Regex pattern, bool stderr = false)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (pattern.Match(stderr ? Error : Out) is { Success: true } match)
            {
                return match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
            }

            if (run.IsCompleted)
            {
                Assert.Fail($"mesheryctl ended before printing {pattern}:\n{await CompletionAsync()}");
            }

            Assert.True(DateTime.UtcNow < deadline, $"mesheryctl did not print {pattern} in time:\n--- stdout\n{Out}\n--- stderr\n{Error}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async Task<CliResult> CompletionAsync() =>
        new(await run, output.ToString(), error.ToString());
}

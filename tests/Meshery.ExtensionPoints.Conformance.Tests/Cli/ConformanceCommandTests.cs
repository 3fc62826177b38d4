using System.Diagnostics;
using System.Text.Json;
using Meshery.ExtensionPoints.Conformance.Cli;
using Meshery.ExtensionPoints.Conformance.Tests.Support;

namespace Meshery.ExtensionPoints.Conformance.Tests.Cli;

[Collection(ProviderDoubleCollection.Name)]
public sealed class ConformanceCommandTests(ProviderDoubleFixture provider)
{
    [Fact]
    public async Task Text_output_has_one_line_per_check_and_a_summary_and_exits_0()
    {
        var (code, output, error) = await RunAsync(
            "--provider", provider.BaseAddress.ToString(), "--token", DoubleTokens.NewToken(), "--second-token", DoubleTokens.NewToken(), "--build", "v0.8.0");

        Assert.Equal(ConformanceCommand.Succeeded, code);
        Assert.Empty(error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("PASS capabilities.fetch: 'Conformance double' advertises 13 features", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("PASS environments.create: POST /api/environments -> 201", StringComparison.Ordinal));
        Assert.All(lines[..^1], l => Assert.Matches("^(PASS|SKIP) [a-z-]+(\\.[a-z-]+)?: ", l));
        Assert.Matches("^[0-9]+ passed, 0 failed, 0 skipped$", lines[^1]);
    }

    [Fact]
    public async Task Json_output_parses_and_counts_the_checks()
    {
        var (code, output, _) = await RunAsync("--provider", provider.BaseAddress.ToString(), "--token", DoubleTokens.NewToken(), "-o", "json");

        Assert.Equal(ConformanceCommand.Succeeded, code);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        var checks = root.GetProperty("checks").EnumerateArray().ToArray();
        Assert.Equal(checks.Length, root.GetProperty("passed").GetInt32() + root.GetProperty("skipped").GetInt32());
        Assert.Equal(0, root.GetProperty("failed").GetInt32());
        Assert.True(root.GetProperty("succeeded").GetBoolean());
        Assert.Equal("capabilities.fetch", checks[0].GetProperty("name").GetString());
        Assert.Equal("Pass", checks[0].GetProperty("outcome").GetString());
        Assert.Contains(checks, c => c.GetProperty("outcome").GetString() == "Skip" && c.GetProperty("reason").GetString()!.Contains("--second-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_check_prints_FAIL_with_expected_and_actual_and_exits_1()
    {
        await using var broken = await ProviderDouble.StartAsync(new ProviderDoubleFaults { IgnoreIfMatch = true }, TestContext.Current.CancellationToken);

        var (code, output, _) = await RunAsync("--provider", broken.BaseAddress.ToString(), "--token", DoubleTokens.NewToken());

        Assert.Equal(ConformanceCommand.ChecksFailed, code);
        Assert.Contains("FAIL environments.etag-conflict: expected 412, got 200 (PUT /api/environments/", output, StringComparison.Ordinal);
        Assert.Matches("(?m)^[0-9]+ passed, 7 failed, [0-9]+ skipped\\s*$", output);
    }

    [Theory]
    [InlineData("one clear line: --provider is required", "--token", "t")]
    [InlineData("--provider must be an http or https address", "--provider", "ftp://x", "--token", "t")]
    [InlineData("--token is required", "--provider", "http://127.0.0.1:1")]
    [InlineData("unknown argument '--bogus'", "--provider", "http://127.0.0.1:1", "--token", "t", "--bogus")]
    [InlineData("-o must be 'text' or 'json'", "--provider", "http://127.0.0.1:1", "--token", "t", "-o", "yaml")]
    [InlineData("option '--token' needs a value", "--provider", "http://127.0.0.1:1", "--token")]
    public async Task Usage_errors_exit_2_with_one_line_on_stderr(string expected, params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(ConformanceCommand.UsageError, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("meshery-conformance: ", line, StringComparison.Ordinal);
        Assert.Contains(expected.Replace("one clear line: ", "", StringComparison.Ordinal), line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_0()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(ConformanceCommand.Succeeded, code);
        Assert.StartsWith("usage: meshery-conformance --provider URL --token TOKEN", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_console_runner_exits_2_on_a_usage_error_and_1_when_the_provider_is_unreachable()
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "meshery-conformance.dll");

        var usage = await RunProcessAsync(assembly, "--provider", "not a url", "--token", "t");
        var unreachable = await RunProcessAsync(assembly, "--provider", "http://127.0.0.1:1", "--token", "t", "--timeout", "5");

        Assert.Equal(2, usage.Code);
        Assert.Contains("--provider must be an http or https address", usage.Error, StringComparison.Ordinal);
        Assert.Equal(1, unreachable.Code);
        Assert.Contains("FAIL capabilities.fetch:", unreachable.Output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ConformanceCommand.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<(int Code, string Output, string Error)> RunProcessAsync(string assembly, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Meshery.Testing.Tokens;

namespace Meshery.Testing.Functions.Tests;

/// <summary>Each test starts its own emulator (or fails to).</summary>
public sealed class FunctionsHostLifetimeTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("meshery-functions-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task DisposeAsync_EndsTheWorkerProcess()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tokens = new TestTokenIssuer();
        var started = Stopwatch.GetTimestamp();
        await using var host = await FunctionsHostEmulator.StartAsync(ProviderAppOptions.Create(tokens), ct);
        var startTime = Stopwatch.GetElapsedTime(started);
        using var worker = Process.GetProcessById(host.WorkerProcessId);
        using (var client = new HttpClient { BaseAddress = host.BaseAddress })
        {
            using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var firstResponse = Stopwatch.GetElapsedTime(started);
        Assert.False(worker.HasExited);

        var stopping = Stopwatch.GetTimestamp();
        await host.DisposeAsync();
        var stopTime = Stopwatch.GetElapsedTime(stopping);

        Assert.True(worker.HasExited, host.Log);
        Assert.Equal(0, host.WorkerExitCode);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(host.WorkerProcessId));
        Measurements.Print(string.Create(CultureInfo.InvariantCulture,
            $"start {startTime.TotalMilliseconds:0} ms, first 200 at {firstResponse.TotalMilliseconds:0} ms, dispose {stopTime.TotalMilliseconds:0} ms"));
        Measurements.Print(host.Log);
    }

    [Fact]
    public async Task DisposeAsync_KillsAWorkerThatOutlivesTheGracePeriod()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tokens = new TestTokenIssuer();
        var options = ProviderAppOptions.Create(tokens, TimeSpan.Zero);
        await using var host = await FunctionsHostEmulator.StartAsync(options, ct);
        using var worker = Process.GetProcessById(host.WorkerProcessId);

        await host.DisposeAsync();

        Assert.True(worker.HasExited, host.Log);
        Assert.Contains("killing its process tree", host.Log, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(host.WorkerProcessId));
    }

    [Fact]
    public async Task StartAsync_WithoutABuiltApp_FailsNamingWorkerConfig()
    {
        var ct = TestContext.Current.CancellationToken;

        var error = await Assert.ThrowsAsync<FileNotFoundException>(
            () => FunctionsHostEmulator.StartAsync(new FunctionsHostOptions { AppDirectory = _temp }, ct));

        Assert.Contains("worker.config.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WhenTheWorkerExits_FailsWithItsLog()
    {
        var ct = TestContext.Current.CancellationToken;
        await File.WriteAllTextAsync(
            Path.Combine(_temp, "worker.config.json"),
            """{ "description": { "defaultExecutablePath": "dotnet", "defaultWorkerPath": "Missing.App.dll" } }""",
            ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => FunctionsHostEmulator.StartAsync(new FunctionsHostOptions { AppDirectory = _temp }, ct));

        Measurements.Print(error.Message);
        Assert.Contains("exited with code", error.Message, StringComparison.Ordinal);
        Assert.Contains("Missing.App.dll", error.Message, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Meshery.Testing.Functions.Tests;

[Collection(FunctionsHostCollection.Name)]
public sealed class FunctionsHostEmulatorTests(FunctionsHostFixture fixture)
{
    private FunctionsHostEmulator Host => fixture.Host;

    [Fact]
    public void StartAsync_LoadsEveryFunctionOfTheApp()
    {
        Measurements.Print(string.Create(CultureInfo.InvariantCulture,
            $"start (StartAsync to every function loaded): {fixture.StartTime.TotalMilliseconds:0} ms; first GET /healthz: {fixture.FirstRequestTime.TotalMilliseconds:0} ms"));
        foreach (var function in Host.Functions)
        {
            Measurements.Print($"{function.Name}: {string.Join('|', function.Methods)} /{function.Route} ({function.EntryPoint})");
        }

        var healthz = Assert.Single(Host.Functions, f => f.Name == "Healthz");
        Assert.Equal("healthz", healthz.Route);
        Assert.Equal(["GET"], healthz.Methods);
        Assert.Equal("req", healthz.TriggerName);
        var version = Assert.Single(Host.Functions, f => f.Name == "SystemVersion");
        Assert.Equal("api/system/version", version.Route);
    }

    [Fact]
    public async Task Healthz_AnswersThroughTheWorker()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = Host.InvocationCount;

        using var response = await fixture.Client.GetAsync(new Uri("healthz", UriKind.Relative), ct);

        using var body = await ReadJsonAsync(response, HttpStatusCode.OK, ct);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(before + 1, Host.InvocationCount);
    }

    [Fact]
    public async Task Version_ReportsTheAppsInformationalVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        var dll = Path.Combine(FunctionsAppLocator.Locate(), "Meshery.Provider.Functions.dll");
        var informational = FileVersionInfo.GetVersionInfo(dll).ProductVersion ?? "";

        using var response = await fixture.Client.GetAsync(new Uri("api/system/version", UriKind.Relative), ct);

        using var body = await ReadJsonAsync(response, HttpStatusCode.OK, ct);
        var version = body.RootElement.GetProperty("version").GetString();
        var build = body.RootElement.GetProperty("build").GetString();
        Measurements.Print($"version={version} build={build}");
        Assert.Equal(informational, string.IsNullOrEmpty(build) ? version : $"{version}+{build}");
    }

    [Theory]
    [InlineData("GET", "nope")]
    [InlineData("GET", "api/system")]
    [InlineData("GET", "healthz/extra")]
    [InlineData("POST", "healthz")]
    public async Task UnmatchedRequest_Answers404WithoutAnInvocation(string method, string path)
    {
        var ct = TestContext.Current.CancellationToken;
        var before = Host.InvocationCount;

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        using var response = await fixture.Client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, Host.InvocationCount);
    }

    [Fact]
    public async Task ConcurrentRequests_AllSucceed()
    {
        var ct = TestContext.Current.CancellationToken;
        const int Parallel = 50;
        var before = Host.InvocationCount;

        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => TimedGetAsync("healthz", ct)));
        var wall = Stopwatch.GetElapsedTime(started);

        Assert.All(results, r => Assert.True(r.Status == HttpStatusCode.OK, $"{r.Status}{Environment.NewLine}{Host.Log}"));
        Assert.Equal(before + Parallel, Host.InvocationCount);
        Measurements.Print($"{Parallel} parallel GET /healthz", [.. results.Select(r => r.Elapsed)]);
        Measurements.Print(string.Create(CultureInfo.InvariantCulture, $"{Parallel} parallel GET /healthz: wall {wall.TotalMilliseconds:0} ms"));
    }

    [Fact]
    public async Task SequentialRequests_AllSucceed()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await TimedGetAsync("healthz", ct);
        var samples = new List<TimeSpan>();
        for (var i = 0; i < 200; i++)
        {
            var result = await TimedGetAsync("healthz", ct);
            Assert.Equal(HttpStatusCode.OK, result.Status);
            samples.Add(result.Elapsed);
        }

        Measurements.Print(string.Create(CultureInfo.InvariantCulture, $"first GET /healthz in this test: {first.Elapsed.TotalMilliseconds:0.00} ms"));
        Measurements.Print("sequential GET /healthz", samples);
    }

    private async Task<(HttpStatusCode Status, TimeSpan Elapsed)> TimedGetAsync(string path, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await fixture.Client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return (response.StatusCode, Stopwatch.GetElapsedTime(started));
    }

    private async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}{Environment.NewLine}{Host.Log}");
        return JsonDocument.Parse(text);
    }
}

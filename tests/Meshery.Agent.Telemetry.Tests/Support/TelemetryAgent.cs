using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Meshery.Agent.Hosting;
using Meshery.Testing.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Telemetry.Tests.Support;

/// <summary>
/// The real agent (Local provider over SQLite in a temp folder, broker off) on a free loopback port, logging everything
/// at Trace into <see cref="Logs"/>. Telemetry limits are small so tests reach them quickly.
/// </summary>
public sealed class TelemetryAgent : IAsyncDisposable
{
    public const string MonitorInterval = "00:00:00.500";
    public const int MaxResponseBytes = 16 * 1024;

    private readonly TempDirectory _folder = new();
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The agent is not running.");

    public static async Task<TelemetryAgent> StartAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null)
    {
        var agent = new TelemetryAgent();
        try
        {
            await agent.RunAsync(settings, cancellationToken);
            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts the connect form as Meshery's UI does (form fields).</summary>
    public async Task<HttpResponseMessage> ConnectAsync(string route, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(new Uri(route, UriKind.Relative), form, cancellationToken);
    }

    /// <summary>Connects and answers the saved connection's JSON (asserting 200).</summary>
    public async Task<JsonObject> ConnectOkAsync(string route, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        using var response = await ConnectAsync(route, fields, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"connect answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<JsonNode> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts an RFC 7807 answer with <paramref name="status"/> whose detail mentions <paramref name="detail"/>.</summary>
    public static async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, int status, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True((int)response.StatusCode == status, $"Expected {status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Contains(detail, (string?)problem["detail"] ?? "", StringComparison.OrdinalIgnoreCase);
        return problem;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        Logs.Dispose();
        _folder.Dispose();
    }

    private async Task RunAsync(IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Meshery:LocalProvider:DatabasePath"] = _folder.Combine("mesherydb.sql"),
            ["Meshery:Agent:Modules:Broker"] = "false",
            ["Meshery:Agent:Modules:Discovery"] = "false",
            ["Meshery:Telemetry:MonitorInterval"] = MonitorInterval,
            ["Meshery:Telemetry:RequestTimeout"] = "00:00:02",
            ["Meshery:Telemetry:MaxResponseBytes"] = MaxResponseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Meshery:Telemetry:MaxBoardImportBytes"] = "65536",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var args = new List<string> { "--urls", "http://127.0.0.1:0" };
        args.AddRange(all.Select(kv => $"--{kv.Key}={kv.Value}"));
        _app = AgentApplication.Build([.. args], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddFilter(_ => true);
            builder.Logging.AddProvider(Logs);
        });
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }
}

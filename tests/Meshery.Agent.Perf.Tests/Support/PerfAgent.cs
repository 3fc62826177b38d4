using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.Hosting;
using Meshery.Testing.Storage;
using Microsoft.AspNetCore.Builder;

namespace Meshery.Agent.Perf.Tests.Support;

/// <summary>The real agent in-process on a loopback port, offline (Local provider over a SQLite file), with its perf module on.</summary>
public sealed class PerfAgent : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("meshery-perf-agent-");
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = new();

    /// <summary>Settings added to the agent's configuration (before it starts).</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal)
    {
        ["Meshery:Agent:Modules:Perf"] = "true",
    };

    public async ValueTask InitializeAsync()
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Meshery:LocalProvider:DatabasePath"] = _folder.Combine("mesherydb.sql"),
            ["Meshery:Agent:Modules:Broker"] = "false",
            ["Meshery:Agent:Modules:Discovery"] = "false",
            ["Meshery:Perf:Host"] = "127.0.0.1",
            ["Meshery:Perf:Port"] = "0",
            ["Meshery:Perf:ProgressInterval"] = "00:00:00.250",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in Settings)
        {
            all[key] = value;
        }

        _app = AgentApplication.Build(["--urls", "http://127.0.0.1:0", .. all.Select(kv => $"--{kv.Key}={kv.Value}")]);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        Client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Saves a profile and returns its id.</summary>
    public async Task<string> CreateProfileAsync(JsonObject profile, CancellationToken cancellationToken)
    {
        using var response = await Client.PostAsJsonAsync("/api/user/performance/profiles", profile, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"saving the profile answered {(int)response.StatusCode}: {body}");
        return (string)JsonNode.Parse(body)!["id"]!;
    }

    public async Task<JsonObject> GetOkAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }
}

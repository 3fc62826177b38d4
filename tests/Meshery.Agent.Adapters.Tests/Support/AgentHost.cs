using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.Hosting;
using Meshery.Testing.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Agent.Adapters.Tests.Support;

/// <summary>The real agent (Meshery Server's role) on a loopback port over a SQLite file, broker and discovery off.</summary>
public sealed class AgentHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AgentHost(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Starts the agent on <paramref name="port"/> (0: any) with <paramref name="settings"/> added to its configuration.</summary>
    public static async Task<AgentHost> StartAsync(TempDirectory folder, int port = 0, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Meshery:LocalProvider:DatabasePath"] = folder.Combine("mesherydb.sql"),
            ["Meshery:Agent:Modules:Broker"] = "false",
            ["Meshery:Agent:Modules:Discovery"] = "false",
            ["Meshery:Kubernetes:MonitorInterval"] = "00:00:05",
            ["Meshery:Kubernetes:ProbeTimeout"] = "00:00:02",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var args = new List<string> { "--urls", $"http://127.0.0.1:{port}" };
        args.AddRange(all.Select(kv => $"--{kv.Key}={kv.Value}"));
        var app = AgentApplication.Build([.. args]);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AgentHost(app, new Uri(address));
    }

    /// <summary>Uploads a kubeconfig as the UI does; the cluster becomes a connected Kubernetes connection.</summary>
    public async Task ConnectClusterAsync(string kubeconfig, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(kubeconfig));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "k8sfile", "config");
        using var response = await Client.PostAsync(new Uri("/api/system/kubernetes", UriKind.Relative), form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"upload answered {(int)response.StatusCode}: {body}");
        Assert.Equal("connected", JsonNode.Parse(body)!["connections"]![0]!["status"]!.GetValue<string>());
    }

    /// <summary><c>POST /api/system/adapter/operation</c> with the given form fields.</summary>
    public Task<HttpResponseMessage> OperateAsync(IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(fields);
        return Client.PostAsync(new Uri("/api/system/adapter/operation", UriKind.Relative), form, cancellationToken);
    }

    /// <summary>The adapters <c>GET /api/system/adapters</c> lists.</summary>
    public async Task<JsonArray> AdaptersAsync(CancellationToken cancellationToken) =>
        (await Client.GetFromJsonAsync<JsonArray>(new Uri("/api/system/adapters", UriKind.Relative), cancellationToken))!;

    /// <summary>The caller's events of one operation, oldest first.</summary>
    public async Task<List<JsonNode>> EventsOfAsync(string operationId, CancellationToken cancellationToken)
    {
        var page = await Client.GetFromJsonAsync<JsonObject>(new Uri("/api/v2/events?pagesize=1000&order=created_at%20asc", UriKind.Relative), cancellationToken);
        return [.. page!["data"]!.AsArray().Where(e => e!["operationId"]?.GetValue<string>() == operationId).Select(e => e!)];
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.Hosting;
using Meshery.Testing.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Agent.Tests.Support;

/// <summary>The real agent on a free loopback port with its modules configured by the test, over SQLite files in a temp folder.</summary>
public sealed class ModuleAgentHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ModuleAgentHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>
    /// Starts the agent. <paramref name="brokerUrl"/> null turns the broker module (and discovery) off;
    /// <paramref name="settings"/> adds or overrides configuration keys.
    /// </summary>
    public static async Task<ModuleAgentHost> StartAsync(
        TempDirectory folder, string? brokerUrl, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Meshery:LocalProvider:DatabasePath"] = folder.Combine("mesherydb.sql"),
            ["Meshery:Agent:Modules:Broker"] = brokerUrl is null ? "false" : "true",
            ["Meshery:Agent:Modules:Discovery"] = brokerUrl is null ? "false" : "true",
            ["Meshery:Kubernetes:MonitorInterval"] = "00:00:00.500",
            ["Meshery:Kubernetes:ProbeTimeout"] = "00:00:02",
            ["Meshery:ClusterCache:StoreQuietPeriod"] = "00:00:00.500",
            ["Meshery:MeshSync:BackoffInitial"] = "00:00:00.100",
            ["Meshery:MeshSync:BackoffMax"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (brokerUrl is not null)
        {
            all["Meshery:Broker:Url"] = brokerUrl;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var args = new List<string> { "--urls", "http://127.0.0.1:0" };
        args.AddRange(all.Select(kv => $"--{kv.Key}={kv.Value}"));
        var app = AgentApplication.Build([.. args]);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        return new ModuleAgentHost(app, client);
    }

    /// <summary>Uploads a kubeconfig as the UI does and returns the HTTP response.</summary>
    public async Task<HttpResponseMessage> UploadKubeconfigAsync(string yaml, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(yaml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "k8sfile", "config");
        return await Client.PostAsync(new Uri("/api/system/kubernetes", UriKind.Relative), form, cancellationToken);
    }

    /// <summary>Uploads a kubeconfig that must succeed and returns the saved connections.</summary>
    public async Task<JsonArray> UploadKubeconfigOkAsync(string yaml, CancellationToken cancellationToken)
    {
        using var response = await UploadKubeconfigAsync(yaml, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"upload answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["connections"]!.AsArray();
    }

    /// <summary>The Kubernetes connections the provider holds.</summary>
    public async Task<JsonArray> KubernetesConnectionsAsync(CancellationToken cancellationToken)
    {
        var page = await Client.GetFromJsonAsync<JsonObject>(new Uri("/api/integrations/connections?kind=kubernetes&pagesize=100", UriKind.Relative), cancellationToken);
        return page!["connections"]!.AsArray();
    }

    /// <summary>Every cached resource of a cluster (optionally one kind), paging through the API.</summary>
    public async Task<List<JsonElement>> AllResourcesAsync(string clusterId, string? kind, CancellationToken cancellationToken)
    {
        var all = new List<JsonElement>();
        for (var page = 0; ; page++)
        {
            var query = $"/api/system/meshsync/resources?clusterId={Uri.EscapeDataString(clusterId)}&pagesize=1000&page={page}"
                + (kind is null ? "" : "&kind=" + Uri.EscapeDataString(kind));
            using var doc = JsonDocument.Parse(await Client.GetStringAsync(new Uri(query, UriKind.Relative), cancellationToken));
            var items = doc.RootElement.GetProperty("resources");
            all.AddRange(items.EnumerateArray().Select(e => e.Clone()));
            if (items.GetArrayLength() < 1000)
            {
                return all;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

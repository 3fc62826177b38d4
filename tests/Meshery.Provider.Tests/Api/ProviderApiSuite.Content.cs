using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Meshery.Provider.Tests.Api;

public abstract partial class ProviderApiSuite
{
    [Fact]
    public async Task A_design_over_1_MiB_round_trips_intact_with_upload_and_download()
    {
        var (_, token) = NewUser();
        var file = BuildDesignFile(1_300_000);

        using var saved = await SendAsync(HttpMethod.Post, "api/content/patterns", token, body: new JsonObject
        {
            ["name"] = "big design",
            ["pattern_data"] = new JsonObject { ["name"] = "big design", ["pattern_file"] = file },
            ["save"] = true,
        });
        var id = (string)(await JsonAsync(saved, HttpStatusCode.Created))[0]!["id"]!;
        using var read = await SendAsync(HttpMethod.Get, $"api/content/patterns/{id}", token);
        using var download = await SendAsync(HttpMethod.Get, $"api/content/patterns/download/{id}", token);

        Assert.Equal(file, (string?)(await JsonAsync(read, HttpStatusCode.OK))["patternFile"]);
        Assert.Equal(file, await download.Content.ReadAsStringAsync(Ct));

        using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/content/patterns/upload/{id}", UriKind.Relative))
        {
            Content = new StringContent("name: replaced\nservices: {}\n", Encoding.UTF8, "application/yaml"),
        };
        upload.Headers.Authorization = new("Bearer", token);
        using var uploaded = await Provider.Client.SendAsync(upload, Ct);
        Assert.Equal("name: replaced\nservices: {}\n", (string?)(await JsonAsync(uploaded, HttpStatusCode.OK))["patternFile"]);
    }

    [Fact]
    public async Task Performance_profiles_with_results_and_metrics()
    {
        var (_, token) = NewUser();
        using var created = await SendAsync(HttpMethod.Post, "api/performance/profiles", token, rawJson: """{"name":"load","endpoints":["https://example.com"],"load_generators":["fortio"],"qps":10,"concurrent_request":2,"duration":"30s"}""");
        var profile = await JsonAsync(created, HttpStatusCode.Created);
        var profileId = (string)profile["id"]!;

        using var result = await SendAsync(HttpMethod.Post, $"api/performance/profiles/{profileId}/results", token, rawJson: """{"name":"run 1","runner_results":{"qps":9.8},"test_start_time":"2026-01-02T03:04:05Z"}""");
        var resultId = (string)(await JsonAsync(result, HttpStatusCode.Created))["id"]!;
        using var metrics = await SendAsync(HttpMethod.Put, "result/metrics", token, rawJson: $$"""{"meshery_id":"{{resultId}}","server_metrics":{"cpu":0.5}}""");
        using var one = await SendAsync(HttpMethod.Get, $"result/{resultId}", token);
        using var ofProfile = await SendAsync(HttpMethod.Get, $"api/performance/profiles/{profileId}/results", token);
        using var all = await SendAsync(HttpMethod.Get, "api/performance/results?from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z", token);
        using var read = await SendAsync(HttpMethod.Get, $"api/performance/profiles/{profileId}", token);

        Assert.Equal(["fortio"], profile["loadGenerators"]!.AsArray().Select(n => (string)n!));
        await JsonAsync(metrics, HttpStatusCode.OK);
        var stored = await JsonAsync(one, HttpStatusCode.OK);
        Assert.Equal(0.5, (double)stored["serverMetrics"]!["cpu"]!);
        Assert.Equal(9.8, (double)stored["runnerResults"]!["qps"]!);
        Assert.Equal(1, (int)(await JsonAsync(ofProfile, HttpStatusCode.OK))["totalCount"]!);
        Assert.Equal(1, (int)(await JsonAsync(all, HttpStatusCode.OK))["totalCount"]!);
        Assert.Equal(1, (int)(await JsonAsync(read, HttpStatusCode.OK))["totalResults"]!);
    }

    [Fact]
    public async Task Credentials_keep_their_secret_out_of_lists()
    {
        var (_, token) = NewUser();
        using var created = await SendAsync(HttpMethod.Post, "api/integrations/credentials", token, rawJson: """{"name":"grafana key","type":"grafana","secret":{"apiKey":"s3cr3t-value"}}""");
        var id = (string)(await JsonAsync(created, HttpStatusCode.Created))["id"]!;

        using var list = await SendAsync(HttpMethod.Get, "api/integrations/credentials", token);
        using var get = await SendAsync(HttpMethod.Get, $"api/integrations/credentials/{id}", token);
        using var update = await SendAsync(HttpMethod.Put, "api/integrations/credentials", token, rawJson: $$"""{"id":"{{id}}","name":"renamed"}""");
        using var delete = await SendAsync(HttpMethod.Delete, $"api/integrations/credentials?credential_id={id}", token);
        using var gone = await SendAsync(HttpMethod.Get, $"api/integrations/credentials/{id}", token);

        var listText = (await JsonAsync(list, HttpStatusCode.OK)).ToJsonString();
        Assert.DoesNotContain("s3cr3t-value", listText, StringComparison.Ordinal);
        Assert.Equal("s3cr3t-value", (string?)(await JsonAsync(get, HttpStatusCode.OK))["secret"]!["apiKey"]);
        Assert.Equal("renamed", (string?)(await JsonAsync(update, HttpStatusCode.OK))["name"]);
        await JsonAsync(delete, HttpStatusCode.OK);
        await ProblemAsync(gone, HttpStatusCode.NotFound);
    }

    private static string BuildDesignFile(int length)
    {
        var builder = new StringBuilder("name: big\nservices:\n");
        var i = 0;
        while (builder.Length < length)
        {
            builder.Append("  svc-").Append(i++).Append(":\n    type: Deployment\n    settings: { replicas: 3, image: \"nginx:1.27\", note: \"ünïcödé ✓\" }\n");
        }

        return builder.ToString();
    }
}

using System.Text.Json;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Json;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Preferences;

namespace Meshery.ExtensionPoints.Tests.Json;

public sealed class MesheryJsonTests
{
    [Fact]
    public void Snake_case_and_camel_case_inputs_read_the_same()
    {
        var id = Guid.NewGuid();
        var snake = $$"""{"name":"prod","organization_id":"{{id}}","description":"d"}""";
        var camel = $$"""{"name":"prod","organizationId":"{{id}}","description":"d"}""";

        var fromSnake = JsonSerializer.Deserialize<EnvironmentPayload>(snake, MesheryJson.Options);
        var fromCamel = JsonSerializer.Deserialize<EnvironmentPayload>(camel, MesheryJson.Options);

        Assert.Equal(id, fromSnake!.OrganizationId);
        Assert.Equal(fromCamel, fromSnake);
    }

    [Fact]
    public void Output_is_camel_case_only_and_omits_nulls()
    {
        var page = new ConnectionPage([new Connection { Id = Guid.NewGuid(), Name = "c", SubType = "orchestrator" }], 1, 0, 25);

        var json = JsonSerializer.Serialize(page, MesheryJson.Options);

        Assert.Contains("\"totalCount\":1", json, StringComparison.Ordinal);
        Assert.Contains("\"pageSize\":25", json, StringComparison.Ordinal);
        Assert.Contains("\"subType\":\"orchestrator\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("total_count", json, StringComparison.Ordinal);
        Assert.DoesNotContain("sub_type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("statusSummary", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Older_spellings_of_results_and_preferences_are_understood()
    {
        var resultId = Guid.NewGuid();
        var result = JsonSerializer.Deserialize<PerformanceResult>(
            $$$"""{"meshery_id":"{{{resultId}}}","test_start_time":"2024-01-02T03:04:05Z","runner_results":{"qps":10}}""",
            MesheryJson.Options);
        var prefs = JsonSerializer.Deserialize<UserPreferences>(
            """{"anonymousUsageStats":true,"selectedOrganizationID":"org","loadTestPrefs":{"c":2,"qps":5,"t":"30s","gen":"fortio"},"somethingNew":{"a":1}}""",
            MesheryJson.Options);

        Assert.Equal(resultId, result!.MesheryId);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), result.TestStartTime);
        Assert.Equal(10, (int)result.RunnerResults!["qps"]!);
        Assert.True(prefs!.AnonymousUsageStats);
        Assert.Equal("org", prefs.SelectedOrganizationId);
        Assert.Equal("fortio", prefs.LoadTestPrefs!.LoadGenerator);
        Assert.True(prefs.Other!.ContainsKey("somethingNew"));
        var written = JsonSerializer.Serialize(prefs, MesheryJson.Options);
        Assert.Contains("\"somethingNew\":{\"a\":1}", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pageSize", "page_size")]
    [InlineData("orgID", "org_id")]
    [InlineData("credentialSecret", "credential_secret")]
    [InlineData("name", "name")]
    [InlineData("mesheryId", "meshery_id")]
    public void Snake_case_names(string camel, string snake) => Assert.Equal(snake, SnakeCaseAliases.ToSnakeCase(camel));
}

using System.Text.Json.Nodes;
using Meshery.Cli.Tests.Support;

namespace Meshery.Cli.Tests.Commands.Environments;

/// <summary><c>environment</c> against the real agent (Local provider, SQLite).</summary>
public sealed class EnvironmentCommandTests(InProcessAgent agent) : AgentCliTests(agent), IClassFixture<InProcessAgent>
{
    private static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    [Fact(Timeout = TestLimits.Test)]
    public async Task Create_list_view_and_delete_an_environment()
    {
        var name = UniqueName("prod");
        var created = await Cli.RunOkAsync("environment", "create", name, "--description", "Production clusters");
        Assert.Matches($"^Environment '{name}' created with id [0-9a-f-]{{36}}\\.\n$", created.Out);

        var page = JsonNode.Parse((await Cli.RunOkAsync("environment", "list", "--page-size", "1000", "-o", "json")).Out)!;
        var listed = Assert.Single(page["environments"]!.AsArray(), e => e!["name"]!.GetValue<string>() == name)!;
        var id = listed["id"]!.GetValue<string>();
        Assert.Equal("Production clusters", listed["description"]!.GetValue<string>());

        var yaml = YamlDocument.Parse((await Cli.RunOkAsync("environment", "list", "--page-size", "1000", "-o", "yaml")).Out)!;
        Assert.Equal(page["totalCount"]!.GetValue<int>(), yaml["totalCount"]!.GetValue<long>());
        Assert.Contains(yaml["environments"]!.AsArray(), e => e!["id"]!.GetValue<string>() == id);

        var table = (await Cli.RunOkAsync("environment", "list", "--page-size", "1000")).Out;
        Assert.StartsWith("ID", table, StringComparison.Ordinal);
        Assert.Matches($"{id} +{name} +Production clusters", table);

        var viewed = JsonNode.Parse((await Cli.RunOkAsync("environment", "view", name, "-o", "json")).Out)!;
        Assert.Equal(id, viewed["id"]!.GetValue<string>());
        Assert.Equal("environments.meshery.io/v1beta3", viewed["schemaVersion"]!.GetValue<string>());
        var viewedYaml = YamlDocument.Parse((await Cli.RunOkAsync("environment", "view", id, "-o", "yaml")).Out)!;
        Assert.Equal(name, viewedYaml["name"]!.GetValue<string>());
        Assert.Matches("description +Production clusters", (await Cli.RunOkAsync("environment", "view", id)).Out);

        Assert.Equal(
            $"Error: not deleting environment '{name}' ({id}) without confirmation: pass -y/--yes",
            await Cli.RunFailingAsync("environment", "delete", name));
        Cli.Input = new StringReader("y\n");
        Assert.EndsWith($"Deleted environment '{name}' ({id}).\n", (await Cli.RunOkAsync("environment", "delete", id)).Out, StringComparison.Ordinal);
        Assert.Equal(
            $"Error: environment {id} was not found on the Meshery server at {Agent.Url}",
            await Cli.RunFailingAsync("environment", "view", id));
        Assert.Equal(
            $"Error: environment '{name}' was not found on the Meshery server at {Agent.Url} (see 'mesheryctl environment list')",
            await Cli.RunFailingAsync("environment", "delete", name, "--yes"));
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Create_output_parses_back_and_pages_follow_the_options()
    {
        var prefix = UniqueName("stage");
        for (var i = 0; i < 3; i++)
        {
            var created = JsonNode.Parse((await Cli.RunOkAsync("environment", "create", $"{prefix}-{i}", "-o", "json")).Out)!;
            Assert.Equal($"{prefix}-{i}", created["name"]!.GetValue<string>());
            Assert.True(Guid.TryParse(created["id"]!.GetValue<string>(), out _));
        }

        var total = JsonNode.Parse((await Cli.RunOkAsync("environment", "list", "-o", "json")).Out)!["totalCount"]!.GetValue<int>();
        var third = YamlDocument.Parse((await Cli.RunOkAsync("environment", "list", "--page", "3", "--page-size", "1", "-o", "yaml")).Out)!;
        Assert.Equal(2, third["page"]!.GetValue<long>());
        Assert.Single(third["environments"]!.AsArray());
        Assert.Contains($"Page 3 of {total} ({total} environments in all)", (await Cli.RunOkAsync("environment", "list", "--page", "3", "--page-size", "1")).Out, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Bad_input_is_one_line()
    {
        Assert.Equal(
            "Error: the environment name must be 1 to 100 characters",
            await Cli.RunFailingAsync("environment", "create", new string('e', 101)));
        var unknown = Guid.NewGuid();
        Assert.Equal(
            $"Error: environment {unknown} was not found on the Meshery server at {Agent.Url}",
            await Cli.RunFailingAsync("environment", "delete", unknown.ToString(), "-y"));
        var bad = await Cli.RunAsync("environment", "list", "--org-id", "not-a-guid");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("not-a-guid", bad.Error, StringComparison.Ordinal);
    }
}

using Meshery.Cli.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Meshery.Cli.Tests.Commands.Contexts;

public sealed class ContextCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task List_without_a_config_file_shows_the_default_local_context()
    {
        var result = await _cli.RunOkAsync("system", "context", "list");
        ExpectedOutput.Match("context-list-default", result.Out);
        Assert.False(File.Exists(_cli.ConfigFile));
    }

    [Fact]
    public async Task Create_list_switch_view_delete_round_trip()
    {
        var created = await _cli.RunOkAsync("system", "context", "create", "staging", "--url", "http://meshery.example:9081", "-p", "kubernetes", "-a", "meshery-istio", "meshery-linkerd", "--provider", "Layer5");
        Assert.Equal("Added context 'staging'.\n", created.Out.ReplaceLineEndings("\n"));
        ExpectedOutput.Match("context-config-after-create", await File.ReadAllTextAsync(_cli.ConfigFile, TestContext.Current.CancellationToken));

        ExpectedOutput.Match("context-list-two", (await _cli.RunOkAsync("system", "context", "list")).Out);

        Assert.Equal("Switched to context 'staging'.\n", (await _cli.RunOkAsync("system", "context", "switch", "staging")).Out.ReplaceLineEndings("\n"));
        ExpectedOutput.Match("context-view-staging", (await _cli.RunOkAsync("system", "context", "view")).Out);
        ExpectedOutput.Match("context-view-staging-json", (await _cli.RunOkAsync("system", "context", "view", "-o", "json")).Out);
        ExpectedOutput.Match("context-view-staging-yaml", (await _cli.RunOkAsync("system", "context", "view", "staging", "-o", "yaml")).Out);

        var deleted = await _cli.RunOkAsync("system", "context", "delete", "staging");
        Assert.Equal("Deleted context 'staging'. Current context is now 'local'.\n", deleted.Out.ReplaceLineEndings("\n"));
        var list = await _cli.RunOkAsync("system", "context", "list", "-o", "json");
        Assert.Contains("\"current-context\": \"local\"", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("staging", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_trips_keep_keys_this_cli_does_not_know()
    {
        Directory.CreateDirectory(_cli.MesheryFolder);
        await File.WriteAllTextAsync(_cli.ConfigFile, """
            # written by upstream mesheryctl
            contexts:
              local:
                endpoint: http://localhost:9081
                token: Default
                platform: docker
                components: [meshery-istio]
                channel: stable
                version: v0.6.0
                provider: Meshery
                future-setting: {nested: true, list: [1, 2]}
            current-context: local
            tokens:
            - name: Default
              location: auth.json
            experimental:
              feature-x: "on"

            """, TestContext.Current.CancellationToken);

        await _cli.RunOkAsync("system", "context", "create", "second", "--set");
        await _cli.RunOkAsync("system", "provider", "set", "None");
        await _cli.RunOkAsync("system", "context", "switch", "local");
        await _cli.RunOkAsync("system", "provider", "set", "Layer5");
        await _cli.RunOkAsync("system", "context", "delete", "second");

        var stream = new YamlStream();
        stream.Load(new StringReader(await File.ReadAllTextAsync(_cli.ConfigFile, TestContext.Current.CancellationToken)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var local = (YamlMappingNode)((YamlMappingNode)root["contexts"])["local"];
        Assert.Equal("Layer5", local["provider"].ToString());
        Assert.Equal("v0.6.0", local["version"].ToString());
        Assert.Equal("docker", local["platform"].ToString());
        Assert.Equal("true", ((YamlMappingNode)local["future-setting"])["nested"].ToString());
        Assert.Equal("on", ((YamlMappingNode)root["experimental"])["feature-x"].ToString());
        Assert.Equal("auth.json", ((YamlMappingNode)((YamlSequenceNode)root["tokens"])[0])["location"].ToString());
        Assert.Equal("local", root["current-context"].ToString());
        Assert.False(((YamlMappingNode)root["contexts"]).Children.ContainsKey(new YamlScalarNode("second")));
    }

    [Fact]
    public async Task Errors_are_one_line_with_a_non_zero_exit()
    {
        Assert.Equal(
            $"Error: context 'nope' does not exist in {_cli.ConfigFile} (see 'mesheryctl system context list')",
            await _cli.RunFailingAsync("system", "context", "switch", "nope"));
        await _cli.RunOkAsync("system", "context", "create", "dup");
        Assert.Equal($"Error: context 'dup' already exists in {_cli.ConfigFile}", await _cli.RunFailingAsync("system", "context", "create", "dup"));
        Assert.Equal(
            "Error: context 'x' has an invalid endpoint 'not a url' (expected http://host:port)",
            await _cli.RunFailingAsync("system", "context", "create", "x", "--url", "not a url"));
    }

    [Fact]
    public async Task A_bad_config_file_is_one_clear_line()
    {
        Directory.CreateDirectory(_cli.MesheryFolder);
        await File.WriteAllTextAsync(_cli.ConfigFile, "contexts:\n  local: [\ncurrent-context: local\n", TestContext.Current.CancellationToken);
        var line = await _cli.RunFailingAsync("system", "context", "list");
        Assert.StartsWith($"Error: config file {_cli.ConfigFile} is not valid YAML (", line, StringComparison.Ordinal);
        await File.WriteAllTextAsync(_cli.ConfigFile, "contexts:\n  local:\n   endpoint: a\n  - b\n", TestContext.Current.CancellationToken);
        line = await _cli.RunFailingAsync("system", "context", "list");
        Assert.StartsWith($"Error: config file {_cli.ConfigFile} is not valid YAML (line 4, column ", line, StringComparison.Ordinal);

        await File.WriteAllTextAsync(_cli.ConfigFile, "contexts:\n  local: just-a-string\n", TestContext.Current.CancellationToken);
        Assert.Equal(
            $"Error: config file {_cli.ConfigFile}: context 'local' must be a mapping (endpoint, token, platform, ...)",
            await _cli.RunFailingAsync("system", "provider", "view"));

        var other = Path.Combine(_cli.Home, "other.yaml");
        await File.WriteAllTextAsync(other, "- a list\n", TestContext.Current.CancellationToken);
        Assert.Equal(
            $"Error: config file {other} must be a YAML mapping with 'contexts' and 'current-context'",
            await _cli.RunFailingAsync("system", "context", "list", "--config", other));
    }

    [Fact]
    public async Task Context_option_selects_a_context_for_one_command()
    {
        await _cli.RunOkAsync("system", "context", "create", "other", "--provider", "Layer5");
        var view = await _cli.RunOkAsync("system", "provider", "view", "-c", "other", "-o", "json");
        Assert.Contains("\"provider\": \"Layer5\"", view.Out, StringComparison.Ordinal);
        Assert.Equal(
            $"Error: context 'missing' does not exist in {_cli.ConfigFile} (see 'mesheryctl system context list')",
            await _cli.RunFailingAsync("system", "provider", "view", "--context", "missing"));
    }
}

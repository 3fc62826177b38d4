using System.Text.Json.Nodes;
using Meshery.Cli.Designs;
using Meshery.Cli.Tests.Support;

namespace Meshery.Cli.Tests.Commands.Designs;

/// <summary><c>design</c> against the real agent (Local provider, SQLite).</summary>
public sealed class DesignCommandTests(InProcessAgent agent) : AgentCliTests(agent), IClassFixture<InProcessAgent>
{
    private static string DesignYaml(string name, string image = "nginx:1.27") =>
        $"name: {name}\nversion: 0.0.1\nservices:\n  web:\n    type: Deployment\n    namespace: default\n    settings:\n      image: {image}\n";

    private async Task<string> WriteAsync(string fileName, string text)
    {
        var path = Path.Combine(Cli.Home, fileName);
        await File.WriteAllTextAsync(path, text, Ct);
        return path;
    }

    private static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    [Fact(Timeout = TestLimits.Test)]
    public async Task Import_list_view_export_and_delete_a_design()
    {
        var name = UniqueName("web");
        var file = await WriteAsync("web.yaml", DesignYaml(name));

        var imported = await Cli.RunOkAsync("design", "import", "-f", file);
        Assert.Contains($"Importing design: reading {file}", imported.Out, StringComparison.Ordinal);
        Assert.Contains("Importing design: saved", imported.Out, StringComparison.Ordinal);
        Assert.Matches($"Design '{name}' imported as [0-9a-f-]{{36}}\\.", imported.Out);

        var json = JsonNode.Parse((await Cli.RunOkAsync("design", "list", "--page-size", "1000", "-o", "json")).Out)!;
        var listed = Assert.Single(json["patterns"]!.AsArray(), p => p!["name"]!.GetValue<string>() == name)!;
        var id = listed["id"]!.GetValue<string>();
        Assert.True(json["totalCount"]!.GetValue<int>() >= 1);

        var yaml = YamlDocument.Parse((await Cli.RunOkAsync("design", "list", "--page-size", "1000", "-o", "yaml")).Out)!;
        Assert.Equal(json["totalCount"]!.GetValue<int>(), yaml["totalCount"]!.GetValue<long>());
        Assert.Contains(yaml["patterns"]!.AsArray(), p => p!["id"]!.GetValue<string>() == id && p["name"]!.GetValue<string>() == name);

        var table = await Cli.RunOkAsync("design", "list", "--page-size", "1000");
        Assert.Contains("ID", table.Out.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains(id, table.Out, StringComparison.Ordinal);
        Assert.Matches(@"Page 1 of 1 \(\d+ designs? in all\)", table.Out);

        var viewed = JsonNode.Parse((await Cli.RunOkAsync("design", "view", name, "-o", "json")).Out)!;
        Assert.Equal(id, viewed["id"]!.GetValue<string>());
        Assert.Equal(DesignYaml(name), viewed["patternFile"]!.GetValue<string>());
        var viewedById = YamlDocument.Parse((await Cli.RunOkAsync("design", "view", id, "-o", "yaml")).Out)!;
        Assert.Equal(DesignYaml(name), viewedById["patternFile"]!.GetValue<string>());
        var viewTable = await Cli.RunOkAsync("design", "view", name);
        Assert.Contains($"image: nginx:1.27", viewTable.Out, StringComparison.Ordinal);
        Assert.Contains("visibility", viewTable.Out, StringComparison.Ordinal);

        var exportPath = Path.Combine(Cli.Home, "exported.yaml");
        var exported = await Cli.RunOkAsync("design", "export", name, "--file", exportPath);
        Assert.Contains($"exported to {exportPath}", exported.Out, StringComparison.Ordinal);
        Assert.Equal(DesignYaml(name), await File.ReadAllTextAsync(exportPath, Ct));
        Assert.Equal(
            $"Error: {exportPath} exists; pass --force to overwrite it or --file to choose another path",
            await Cli.RunFailingAsync("design", "export", id, "--file", exportPath));
        var again = JsonNode.Parse((await Cli.RunOkAsync("design", "export", id, "--file", exportPath, "--force", "-o", "json")).Out)!;
        Assert.Equal(exportPath, again["file"]!.GetValue<string>());
        Assert.Equal(DesignYaml(name), (await Cli.RunOkAsync("design", "export", id, "--file", "-")).Out);

        var deleted = await Cli.RunOkAsync("design", "delete", name, "-y");
        Assert.Equal($"Deleted design '{name}' ({id}).\n", deleted.Out);
        Assert.Equal(
            $"Error: design {id} was not found on the Meshery server at {Agent.Url}",
            await Cli.RunFailingAsync("design", "view", id));
        Assert.Equal(
            $"Error: design '{name}' was not found on the Meshery server at {Agent.Url} (see 'mesheryctl design list')",
            await Cli.RunFailingAsync("design", "delete", name, "-y"));
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Apply_creates_the_design_then_updates_it_in_place()
    {
        var name = UniqueName("shop");
        var file = await WriteAsync("shop.yaml", DesignYaml(name));
        var first = await Cli.RunOkAsync("design", "apply", "-f", file);
        Assert.Contains("Applying design: saved", first.Out, StringComparison.Ordinal);
        Assert.Contains($"Design '{name}' created (", first.Out, StringComparison.Ordinal);
        Assert.Contains("this Meshery server does not deploy designs", first.Out, StringComparison.Ordinal);
        var id = JsonNode.Parse((await Cli.RunOkAsync("design", "view", name, "-o", "json")).Out)!["id"]!.GetValue<string>();

        await File.WriteAllTextAsync(file, DesignYaml(name, "nginx:1.28"), Ct);
        var second = JsonNode.Parse((await Cli.RunOkAsync("design", "apply", "-f", file, "-o", "json")).Out)!;
        Assert.Equal(id, second["id"]!.GetValue<string>());
        Assert.Contains("nginx:1.28", second["patternFile"]!.GetValue<string>(), StringComparison.Ordinal);
        var text = (await Cli.RunOkAsync("design", "apply", "-f", file)).Out;
        Assert.Contains($"Design '{name}' updated ({id})", text, StringComparison.Ordinal);

        var all = JsonNode.Parse((await Cli.RunOkAsync("design", "list", "--page-size", "1000", "-o", "json")).Out)!;
        Assert.Single(all["patterns"]!.AsArray(), p => p!["name"]!.GetValue<string>() == name);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Import_from_a_url_names_the_design_and_reports_the_download()
    {
        await using var files = await FileServer.StartAsync();
        var name = UniqueName("remote");
        var url = files.Add("/designs/remote.yaml", DesignYaml(name));
        var result = await Cli.RunOkAsync("design", "import", "-f", url.ToString(), "--name", name + "-renamed");
        Assert.Contains($"Importing design: downloading {url}", result.Out, StringComparison.Ordinal);
        Assert.Contains("Importing design: downloaded 0 KiB", result.Out, StringComparison.Ordinal);
        var viewed = JsonNode.Parse((await Cli.RunOkAsync("design", "view", name + "-renamed", "-o", "json")).Out)!;
        Assert.Equal(DesignYaml(name), viewed["patternFile"]!.GetValue<string>());

        Assert.Equal(
            $"Error: cannot download the design from {files.Url}missing.yaml: the server answered 404 Not Found",
            await Cli.RunFailingAsync("design", "import", "-f", new Uri(files.Url, "missing.yaml").ToString()));

        // No length header: the bytes themselves are counted and the download stops past the limit.
        var big = files.Add("/big.yaml", async response =>
        {
            var line = System.Text.Encoding.UTF8.GetBytes("# " + new string('x', 1020) + "\n");
            for (var i = 0; i < DesignSource.MaxBytes / line.Length + 64; i++)
            {
                await response.Body.WriteAsync(line, Ct);
            }
        });
        var tooLarge = await Cli.RunFailingAsync("design", "import", "-f", big.ToString());
        Assert.StartsWith($"Error: {big} is ", tooLarge, StringComparison.Ordinal);
        Assert.EndsWith("KiB: larger than the 4 MiB a design may be", tooLarge, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Bad_design_files_end_with_one_line_and_save_nothing()
    {
        var before = JsonNode.Parse((await Cli.RunOkAsync("design", "list", "-o", "json")).Out)!["totalCount"]!.GetValue<int>();
        var missing = Path.Combine(Cli.Home, "missing.yaml");
        Assert.Equal($"Error: the design file {missing} does not exist", await Cli.RunFailingAsync("design", "import", "-f", missing));

        var malformed = await WriteAsync("malformed.yaml", "name: broken\nservices: [\n");
        Assert.StartsWith($"Error: {malformed} is not valid YAML or JSON (line ", await Cli.RunFailingAsync("design", "import", "-f", malformed), StringComparison.Ordinal);

        var list = await WriteAsync("list.yaml", "- one\n- two\n");
        Assert.Equal($"Error: {list} is not a design: its top level is not a mapping of keys to values", await Cli.RunFailingAsync("design", "apply", "-f", list));

        var empty = await WriteAsync("empty.yaml", "  \n");
        Assert.Equal($"Error: {empty} is empty, not a design", await Cli.RunFailingAsync("design", "import", "-f", empty));

        var binary = Path.Combine(Cli.Home, "binary.yaml");
        await File.WriteAllBytesAsync(binary, [0x6e, 0x61, 0xff, 0xfe, 0x00, 0x01], Ct);
        Assert.Equal($"Error: {binary} is not a design: it is not UTF-8 text", await Cli.RunFailingAsync("design", "import", "-f", binary));

        var huge = Path.Combine(Cli.Home, "huge.yaml");
        await File.WriteAllTextAsync(huge, "name: huge\n# " + new string('x', DesignSource.MaxBytes), Ct);
        Assert.Equal($"Error: {huge} is 4096 KiB: larger than the 4 MiB a design may be", await Cli.RunFailingAsync("design", "import", "-f", huge));

        var after = JsonNode.Parse((await Cli.RunOkAsync("design", "list", "-o", "json")).Out)!["totalCount"]!.GetValue<int>();
        Assert.Equal(before, after);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Delete_asks_first_and_keeps_the_design_unless_the_answer_is_yes()
    {
        var name = UniqueName("keep");
        await Cli.RunOkAsync("design", "import", "-f", await WriteAsync("keep.yaml", DesignYaml(name)));
        var id = JsonNode.Parse((await Cli.RunOkAsync("design", "view", name, "-o", "json")).Out)!["id"]!.GetValue<string>();

        Assert.Equal(
            $"Error: not deleting design '{name}' ({id}) without confirmation: pass -y/--yes",
            await Cli.RunFailingAsync("design", "delete", name));

        Cli.Input = new StringReader("n\n");
        var declined = await Cli.RunAsync("design", "delete", name);
        Assert.Equal(1, declined.ExitCode);
        Assert.Equal($"Delete design '{name}' ({id})? [y/N] Error: cancelled: design '{name}' ({id}) was not deleted\n", declined.Error);
        await Cli.RunOkAsync("design", "view", id);

        Cli.Input = new StringReader("");
        var closed = await Cli.RunAsync("design", "delete", name);
        Assert.EndsWith($"Error: not deleting design '{name}' ({id}): no answer (input closed); pass -y/--yes\n", closed.Error, StringComparison.Ordinal);

        Cli.Input = new StringReader("yes\n");
        var confirmed = await Cli.RunOkAsync("design", "delete", name, "-o", "json");
        var answer = JsonNode.Parse(confirmed.Out)!;
        Assert.Equal(id, answer["id"]!.GetValue<string>());
        Assert.True(answer["deleted"]!.GetValue<bool>());
        Assert.StartsWith($"Error: design {id} was not found", await Cli.RunFailingAsync("design", "view", id), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Pages_follow_the_page_options()
    {
        var prefix = UniqueName("paged");
        for (var i = 0; i < 3; i++)
        {
            await Cli.RunOkAsync("design", "import", "-f", await WriteAsync($"paged{i}.yaml", DesignYaml($"{prefix}-{i}")));
        }

        var total = JsonNode.Parse((await Cli.RunOkAsync("design", "list", "-o", "json")).Out)!["totalCount"]!.GetValue<int>();
        var second = JsonNode.Parse((await Cli.RunOkAsync("design", "list", "--page", "2", "--page-size", "1", "-o", "json")).Out)!;
        Assert.Equal(1, second["page"]!.GetValue<int>());
        Assert.Equal(1, second["pageSize"]!.GetValue<int>());
        Assert.Single(second["patterns"]!.AsArray());
        Assert.Contains($"Page 2 of {total} ({total} designs in all)", (await Cli.RunOkAsync("design", "list", "--page", "2", "--page-size", "1")).Out, StringComparison.Ordinal);

        var bad = await Cli.RunAsync("design", "list", "--page", "0");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--page must be from 1 to", bad.Error, StringComparison.Ordinal);
        bad = await Cli.RunAsync("design", "list", "--page-size", "5000");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--page-size must be from 1 to 1000", bad.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Two_designs_of_one_name_need_the_id()
    {
        var name = UniqueName("twin");
        var file = await WriteAsync("twin.yaml", DesignYaml(name));
        await Cli.RunOkAsync("design", "import", "-f", file);
        await Cli.RunOkAsync("design", "import", "-f", file);
        Assert.Equal(
            $"Error: 2 designs are named '{name}'; give the id instead (see 'mesheryctl design list')",
            await Cli.RunFailingAsync("design", "view", name));
        Assert.Equal(
            $"Error: 2 designs are named '{name}'; give the id instead (see 'mesheryctl design list')",
            await Cli.RunFailingAsync("design", "apply", "-f", file));
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_server_that_is_down_is_one_line()
    {
        await Cli.RunOkAsync("system", "context", "create", "down", "--url", "http://127.0.0.1:9", "--set");
        var line = await Cli.RunFailingAsync("design", "list");
        Assert.StartsWith("Error: cannot reach the Meshery server at http://127.0.0.1:9/: ", line, StringComparison.Ordinal);
        Assert.EndsWith("(is it running? try 'mesheryctl system start')", line, StringComparison.Ordinal);
    }
}

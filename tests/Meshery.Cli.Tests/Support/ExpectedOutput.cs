using System.Text.RegularExpressions;

namespace Meshery.Cli.Tests.Support;

/// <summary>Compares output with <c>Expected/NAME.txt</c> after normalising versions, commits, ports, pids and paths.</summary>
public static partial class ExpectedOutput
{
    public static void Match(string name, string actual, params (string Value, string Placeholder)[] replacements)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        var text = actual.ReplaceLineEndings("\n");
        foreach (var (value, placeholder) in replacements.OrderByDescending(r => r.Value.Length))
        {
            text = text.Replace(value, placeholder, StringComparison.Ordinal);
        }

        text = Version().Replace(text, "v<version>");
        text = Commit().Replace(text, "<commit>");
        text = Pid().Replace(text, "pid <pid>");
        text = text.Replace("Meshery.Cli.Tests ", "mesheryctl ", StringComparison.Ordinal);

        // Placeholders change column widths: compare table columns by their order, not their padding.
        text = string.Join('\n', text.Split('\n').Select(line => ColumnGap().Replace(line, "  ")));
        var expectedPath = Path.Combine(AppContext.BaseDirectory, "Expected", name + ".txt");
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : "<missing>";
        if (expected != text)
        {
            // Leave the actual text beside the test binaries for review: diff it against the expected file.
            Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "Expected"));
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "Expected", name + ".actual.txt"), text);
        }

        Assert.Equal(expected, text);
    }

    [GeneratedRegex(@"v\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?")]
    private static partial Regex Version();

    [GeneratedRegex(@"\b[0-9a-f]{12}\b")]
    private static partial Regex Commit();

    [GeneratedRegex(@"(?<=\S) {2,}")]
    private static partial Regex ColumnGap();

    [GeneratedRegex(@"pid \d+")]
    private static partial Regex Pid();
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Cli.Console;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Meshery.Cli.Output;

/// <summary>
/// The output edge: data goes out as JSON or YAML as-is, or as a Spectre.Console table for people.
/// Only this type (and <see cref="ProgressReporter"/>) touches Spectre.Console.
/// </summary>
public sealed class OutputWriter(CliConsole console, OutputFormat format)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public OutputFormat Format { get; } = format;

    /// <summary>Writes <paramref name="data"/> as JSON or YAML, or <paramref name="table"/> for <c>-o table</c>.</summary>
    public void Write(JsonNode? data, Func<IRenderable> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        switch (Format)
        {
            case OutputFormat.Json:
                console.Out.WriteLine(data?.ToJsonString(Indented) ?? "null");
                break;
            case OutputFormat.Yaml:
                console.Out.Write(YamlText.FromJson(data));
                break;
            default:
                Render(table());
                break;
        }
    }

    /// <summary>Writes <paramref name="data"/> as JSON or YAML, or the one-line <paramref name="message"/> for <c>-o table</c>.</summary>
    public void Write(JsonNode? data, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Format == OutputFormat.Table)
        {
            console.Out.WriteLine(message);
            return;
        }

        Write(data, () => throw new InvalidOperationException("a table was asked for JSON or YAML output"));
    }

    /// <summary>A message for people (skipped for <c>-o json|yaml</c>, which print only data).</summary>
    public void Line(string text)
    {
        if (Format == OutputFormat.Table)
        {
            console.Out.WriteLine(text);
        }
    }

    /// <summary>A plain table with the given headers and rows.</summary>
    public Table Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table().Border(console.IsInteractive ? TableBorder.Rounded : TableBorder.None);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)) { Padding = new Padding(0, 0, 3, 0) });
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        return table;
    }

    public void Render(IRenderable renderable)
    {
        ArgumentNullException.ThrowIfNull(renderable);
        if (console.IsInteractive)
        {
            CreateAnsiConsole(console).Write(renderable);
            return;
        }

        // Plain text: no trailing padding, so output diffs and pipes cleanly.
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        CreateAnsiConsole(console with { Out = buffer }).Write(renderable);
        foreach (var line in buffer.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            console.Out.WriteLine(line.TrimEnd());
        }
    }

    internal static IAnsiConsole CreateAnsiConsole(CliConsole console)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = console.IsInteractive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = console.IsInteractive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = console.IsInteractive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(console.Out),
        });
        ansi.Profile.Width = console.Width;
        if (!console.IsInteractive)
        {
            ansi.Profile.Capabilities.Unicode = false;
        }

        return ansi;
    }
}

using System.CommandLine;
using System.CommandLine.Completions;

namespace Meshery.Cli.Commands.Completion;

/// <summary>Every command path with the words that may follow it, and the values options and arguments accept.</summary>
public sealed record CompletionTree(
    string Program,
    IReadOnlyList<CompletionTree.Node> Nodes,
    IReadOnlyDictionary<string, IReadOnlyList<string>> OptionValues)
{
    /// <summary>One command: its path (<c>mesheryctl system context</c>), subcommands, options and argument values.</summary>
    public sealed record Node(string Path, IReadOnlyList<string> Subcommands, IReadOnlyList<string> Options, IReadOnlyList<string> ArgumentValues)
    {
        public IEnumerable<string> Words => Subcommands.Concat(ArgumentValues).Concat(Options);
    }

    public static CompletionTree From(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var program = "mesheryctl";
        var nodes = new List<Node>();
        var optionValues = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var recursive = root.Options.Where(o => o.Recursive).ToList();
        Visit(root, program, recursive, nodes, optionValues);
        return new CompletionTree(program, nodes, optionValues);
    }

    private static void Visit(Command command, string path, List<Option> recursive, List<Node> nodes, SortedDictionary<string, IReadOnlyList<string>> optionValues)
    {
        var options = command.Options.Concat(command is RootCommand ? [] : recursive).Where(o => !o.Hidden).Distinct().ToList();
        foreach (var option in options.Where(o => o.ValueType != typeof(bool)))
        {
            var values = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).Where(l => !l.StartsWith('-')).ToList();
            if (values.Count > 0)
            {
                foreach (var alias in new[] { option.Name }.Concat(option.Aliases))
                {
                    optionValues[alias] = values;
                }
            }
        }

        var argumentValues = command.Arguments.SelectMany(a => a.GetCompletions(CompletionContext.Empty)).Select(c => c.Label).ToList();
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        nodes.Add(new Node(
            path,
            subcommands.Select(c => c.Name).ToList(),
            options.SelectMany(o => new[] { o.Name }.Concat(o.Aliases)).Where(a => a.StartsWith("--", StringComparison.Ordinal) || (a.Length == 2 && a[0] == '-' && char.IsLetter(a[1]))).OrderBy(a => a, StringComparer.Ordinal).ToList(),
            argumentValues));
        foreach (var sub in subcommands)
        {
            Visit(sub, path + " " + sub.Name, recursive, nodes, optionValues);
        }
    }
}

using System.CommandLine;
using System.CommandLine.Completions;

namespace Meshery.Cli.Commands.Completion;

/// <summary>Every command path with the words that may follow it and, per command, what its options take.</summary>
public sealed record CompletionTree(string Program, IReadOnlyList<CompletionTree.Node> Nodes)
{
    /// <summary>What an option's value completes to.</summary>
    public enum ValueKind
    {
        /// <summary>A free value (a name, a number): nothing is offered.</summary>
        Free,

        /// <summary>A file path.</summary>
        File,

        /// <summary>One of <see cref="OptionValue.Values"/>.</summary>
        Choice,
    }

    /// <summary>One option: its spellings, and what its value completes to (<see cref="Flag"/>: it takes none).</summary>
    public sealed record OptionSpec(IReadOnlyList<string> Aliases, bool Flag, ValueKind Kind, IReadOnlyList<string> Values)
    {
        public string? Long => Aliases.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal));

        public string? Short => Aliases.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
    }

    /// <summary>One command: its path (<c>mesheryctl system context</c>), subcommands, options and argument values.</summary>
    public sealed record Node(string Path, IReadOnlyList<string> Subcommands, IReadOnlyList<OptionSpec> Options, IReadOnlyList<string> ArgumentValues)
    {
        /// <summary>Every option spelling, sorted.</summary>
        public IEnumerable<string> OptionWords => Options.SelectMany(o => o.Aliases).Order(StringComparer.Ordinal);

        public IEnumerable<string> Words => Subcommands.Concat(ArgumentValues).Concat(OptionWords);

        /// <summary>The options that take a value.</summary>
        public IEnumerable<OptionSpec> ValueOptions => Options.Where(o => !o.Flag);
    }

    public static CompletionTree From(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var program = "mesheryctl";
        var nodes = new List<Node>();
        var recursive = root.Options.Where(o => o.Recursive).ToList();
        Visit(root, program, recursive, nodes);
        return new CompletionTree(program, nodes);
    }

    private static void Visit(Command command, string path, List<Option> recursive, List<Node> nodes)
    {
        var options = command.Options.Concat(command is RootCommand ? [] : recursive).Where(o => !o.Hidden).Distinct().ToList();
        var specs = options.Select(Spec).OrderBy(o => o.Long ?? o.Short, StringComparer.Ordinal).ToList();
        var argumentValues = command.Arguments.SelectMany(a => a.GetCompletions(CompletionContext.Empty)).Select(c => c.Label).ToList();
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        nodes.Add(new Node(
            path,
            subcommands.Select(c => c.Name).ToList(),
            specs,
            argumentValues));
        foreach (var sub in subcommands)
        {
            Visit(sub, path + " " + sub.Name, recursive, nodes);
        }
    }

    private static OptionSpec Spec(Option option)
    {
        var aliases = Aliases(option).OrderBy(a => a.StartsWith("--", StringComparison.Ordinal) ? 0 : 1).ToList();
        if (option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool))
        {
            return new OptionSpec(aliases, Flag: true, ValueKind.Free, []);
        }

        var values = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).Where(l => !l.StartsWith('-')).Order(StringComparer.Ordinal).ToList();
        var kind = values.Count > 0 ? ValueKind.Choice : option.HelpName == "path" ? ValueKind.File : ValueKind.Free;
        return new OptionSpec(aliases, Flag: false, kind, values);
    }

    /// <summary>The long (<c>--name</c>) and single-letter (<c>-n</c>) spellings; others (such as <c>-?</c>) are left out.</summary>
    private static IEnumerable<string> Aliases(Option option) =>
        new[] { option.Name }.Concat(option.Aliases)
            .Where(a => a.StartsWith("--", StringComparison.Ordinal) || (a.Length == 2 && a[0] == '-' && char.IsLetter(a[1])));
}

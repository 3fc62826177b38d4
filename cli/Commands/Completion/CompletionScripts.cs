using System.Text;

namespace Meshery.Cli.Commands.Completion;

/// <summary>
/// Static completion scripts: each walks the words typed so far to a command path, then offers the values of the
/// option just typed (as that command defines it) or the subcommands, argument values and options of the path.
/// </summary>
public static class CompletionScripts
{
    public static string Bash(CompletionTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var fn = "_" + tree.Program;
        var s = new StringBuilder();
        Line(s, $"# bash completion for {tree.Program}; load with: source <({tree.Program} completion bash)");
        Line(s, $"{fn}() {{");
        Line(s, "    local cur prev path w i words");
        Line(s, "    cur=\"${COMP_WORDS[COMP_CWORD]}\"");
        Line(s, "    prev=\"\"");
        Line(s, "    (( COMP_CWORD > 0 )) && prev=\"${COMP_WORDS[COMP_CWORD-1]}\"");
        Line(s, $"    path=\"{tree.Program}\"");
        Line(s, "    for (( i=1; i<COMP_CWORD; i++ )); do");
        Line(s, "        w=\"${COMP_WORDS[i]}\"");
        Line(s, "        case \"$path $w\" in");
        Line(s, $"            {string.Join('|', tree.Nodes.Skip(1).Select(n => $"\"{n.Path}\""))}) path=\"$path $w\" ;;");
        Line(s, "        esac");
        Line(s, "    done");
        Line(s, "    case \"$path|$prev\" in");
        foreach (var node in tree.Nodes)
        {
            foreach (var option in node.ValueOptions)
            {
                var patterns = string.Join('|', option.Aliases.Select(a => $"\"{node.Path}|{a}\""));
                var reply = option.Kind switch
                {
                    CompletionTree.ValueKind.Choice => $"COMPREPLY=( $(compgen -W \"{string.Join(' ', option.Values)}\" -- \"$cur\") )",
                    CompletionTree.ValueKind.File => "COMPREPLY=( $(compgen -f -- \"$cur\") )",
                    _ => "COMPREPLY=()",
                };
                Line(s, $"        {patterns}) {reply}; return 0 ;;");
            }
        }

        Line(s, "    esac");
        Line(s, "    case \"$path\" in");
        foreach (var node in tree.Nodes)
        {
            Line(s, $"        \"{node.Path}\") words=\"{string.Join(' ', node.Words)}\" ;;");
        }

        Line(s, "    esac");
        Line(s, "    COMPREPLY=( $(compgen -W \"$words\" -- \"$cur\") )");
        Line(s, "    return 0");
        Line(s, "}");
        Line(s, $"complete -F {fn} {tree.Program}");
        return s.ToString();
    }

    /// <summary>zsh runs the bash function through its <c>bashcompinit</c> layer (which needs <c>compinit</c> loaded).</summary>
    public static string Zsh(CompletionTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return $"#compdef {tree.Program}\n# zsh completion for {tree.Program}; load with: source <({tree.Program} completion zsh)\n"
            + "(( $+functions[compdef] )) || { autoload -U compinit && compinit }\n"
            + "autoload -U +X bashcompinit && bashcompinit\n"
            + Bash(tree);
    }

    public static string Fish(CompletionTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var path = "__" + tree.Program + "_path";
        var at = "__" + tree.Program + "_at";
        var s = new StringBuilder();
        Line(s, $"# fish completion for {tree.Program}; load with: {tree.Program} completion fish | source");
        Line(s, $"function {path} --description 'The {tree.Program} command the words typed so far name'");
        Line(s, $"    set -l path {tree.Program}");
        Line(s, "    for w in (commandline -opc)[2..-1]");
        Line(s, "        switch \"$path $w\"");
        Line(s, $"            case {string.Join(' ', tree.Nodes.Skip(1).Select(n => $"'{n.Path}'"))}");
        Line(s, "                set path \"$path $w\"");
        Line(s, "        end");
        Line(s, "    end");
        Line(s, "    echo $path");
        Line(s, "end");
        Line(s, $"function {at} --description 'Whether the words typed so far name the command given'");
        Line(s, $"    test ({path}) = \"$argv[1]\"");
        Line(s, "end");
        Line(s, $"complete -c {tree.Program} -f");
        foreach (var node in tree.Nodes)
        {
            var condition = $"-n '{at} \"{node.Path}\"'";
            var words = node.Subcommands.Concat(node.ArgumentValues).ToList();
            if (words.Count > 0)
            {
                Line(s, $"complete -c {tree.Program} {condition} -a '{string.Join(' ', words)}'");
            }

            foreach (var option in node.Options)
            {
                var names = (option.Long is { } l ? $" -l {l[2..]}" : "") + (option.Short is { } sh ? $" -s {sh[1..]}" : "");
                var value = option.Flag ? ""
                    : option.Kind switch
                    {
                        CompletionTree.ValueKind.Choice => $" -x -a '{string.Join(' ', option.Values)}'",
                        CompletionTree.ValueKind.File => " -r -F",
                        _ => " -x",
                    };
                Line(s, $"complete -c {tree.Program} {condition}{names}{value}");
            }
        }

        return s.ToString();
    }

    public static string PowerShell(CompletionTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var s = new StringBuilder();
        Line(s, $"# PowerShell completion for {tree.Program}; load with: {tree.Program} completion pwsh | Out-String | Invoke-Expression");
        Line(s, $"Register-ArgumentCompleter -Native -CommandName {tree.Program} -ScriptBlock {{");
        Line(s, "    param($wordToComplete, $commandAst, $cursorPosition)");
        Line(s, "    $tree = @{");
        foreach (var node in tree.Nodes)
        {
            Line(s, $"        '{node.Path}' = @({Quoted(node.Words)})");
        }

        Line(s, "    }");
        Line(s, "    # 'path|option' = values; an empty list: the option takes a value that is not completed.");
        Line(s, "    $values = @{");
        foreach (var node in tree.Nodes)
        {
            foreach (var option in node.ValueOptions)
            {
                foreach (var alias in option.Aliases)
                {
                    Line(s, $"        '{node.Path}|{alias}' = @({Quoted(option.Values)})");
                }
            }
        }

        Line(s, "    }");
        Line(s, $"    $path = '{tree.Program}'");
        Line(s, "    $elements = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })");
        Line(s, "    if ($wordToComplete -ne '' -and $elements.Count -gt 0) { $elements = @($elements | Select-Object -SkipLast 1) }");
        Line(s, "    foreach ($w in $elements) { if ($tree.ContainsKey(\"$path $w\")) { $path = \"$path $w\" } }");
        Line(s, "    $candidates = $tree[$path]");
        Line(s, "    if ($elements.Count -gt 0 -and $values.ContainsKey(\"$path|$($elements[-1])\")) { $candidates = $values[\"$path|$($elements[-1])\"] }");
        Line(s, "    $candidates | Where-Object { $_ -like \"$wordToComplete*\" } | ForEach-Object {");
        Line(s, "        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)");
        Line(s, "    }");
        Line(s, "}");
        return s.ToString();
    }

    private static string Quoted(IEnumerable<string> words) => string.Join(", ", words.Select(w => $"'{w}'"));

    private static void Line(StringBuilder s, string line) => s.Append(line).Append('\n');
}

using System.Text;

namespace Meshery.Cli.Commands.Completion;

/// <summary>Static completion scripts: each walks the words typed so far to a command path and offers what may follow.</summary>
public static class CompletionScripts
{
    public static string Bash(CompletionTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var fn = "_" + tree.Program;
        var s = new StringBuilder();
        s.Append(CultureNewline($"# bash completion for {tree.Program}; load with: source <({tree.Program} completion bash)"));
        s.Append(CultureNewline($"{fn}() {{"));
        s.Append(CultureNewline("    local cur prev path w i words"));
        s.Append(CultureNewline("    cur=\"${COMP_WORDS[COMP_CWORD]}\""));
        s.Append(CultureNewline("    prev=\"\""));
        s.Append(CultureNewline("    (( COMP_CWORD > 0 )) && prev=\"${COMP_WORDS[COMP_CWORD-1]}\""));
        s.Append(CultureNewline("    case \"$prev\" in"));
        foreach (var (option, values) in tree.OptionValues)
        {
            s.Append(CultureNewline($"        {option}) COMPREPLY=( $(compgen -W \"{string.Join(' ', values)}\" -- \"$cur\") ); return 0 ;;"));
        }

        s.Append(CultureNewline("    esac"));
        s.Append(CultureNewline($"    path=\"{tree.Program}\""));
        s.Append(CultureNewline("    for (( i=1; i<COMP_CWORD; i++ )); do"));
        s.Append(CultureNewline("        w=\"${COMP_WORDS[i]}\""));
        s.Append(CultureNewline("        case \"$path $w\" in"));
        var paths = tree.Nodes.Select(n => n.Path).Skip(1).Select(p => $"\"{p}\"").ToList();
        s.Append(CultureNewline($"            {string.Join('|', paths)}) path=\"$path $w\" ;;"));
        s.Append(CultureNewline("        esac"));
        s.Append(CultureNewline("    done"));
        s.Append(CultureNewline("    case \"$path\" in"));
        foreach (var node in tree.Nodes)
        {
            s.Append(CultureNewline($"        \"{node.Path}\") words=\"{string.Join(' ', node.Words)}\" ;;"));
        }

        s.Append(CultureNewline("    esac"));
        s.Append(CultureNewline("    COMPREPLY=( $(compgen -W \"$words\" -- \"$cur\") )"));
        s.Append(CultureNewline("    return 0"));
        s.Append(CultureNewline("}"));
        s.Append(CultureNewline($"complete -F {fn} {tree.Program}"));
        return s.ToString();
    }

    /// <summary>zsh runs the bash function through its <c>bashcompinit</c> layer.</summary>
    public static string Zsh(CompletionTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return $"#compdef {tree.Program}\n# zsh completion for {tree.Program}; load with: source <({tree.Program} completion zsh)\n"
            + "autoload -U +X bashcompinit && bashcompinit\n"
            + Bash(tree);
    }

    public static string Fish(CompletionTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var fn = "__" + tree.Program + "_path";
        var s = new StringBuilder();
        s.Append(CultureNewline($"# fish completion for {tree.Program}; load with: {tree.Program} completion fish | source"));
        s.Append(CultureNewline($"function {fn}"));
        s.Append(CultureNewline($"    set -l path {tree.Program}"));
        s.Append(CultureNewline("    for w in (commandline -opc)[2..-1]"));
        s.Append(CultureNewline("        switch \"$path $w\""));
        s.Append(CultureNewline($"            case {string.Join(' ', tree.Nodes.Skip(1).Select(n => $"'{n.Path}'"))}"));
        s.Append(CultureNewline("                set path \"$path $w\""));
        s.Append(CultureNewline("        end"));
        s.Append(CultureNewline("    end"));
        s.Append(CultureNewline("    echo $path"));
        s.Append(CultureNewline("end"));
        s.Append(CultureNewline($"complete -c {tree.Program} -f"));
        foreach (var node in tree.Nodes)
        {
            var words = node.Subcommands.Concat(node.ArgumentValues).ToList();
            if (words.Count > 0)
            {
                s.Append(CultureNewline($"complete -c {tree.Program} -n 'test \"({fn})\" = \"{node.Path}\"' -a '{string.Join(' ', words)}'"));
            }

            foreach (var option in node.Options.Where(o => o.StartsWith("--", StringComparison.Ordinal)))
            {
                var values = tree.OptionValues.TryGetValue(option, out var v) ? $" -r -a '{string.Join(' ', v)}'" : "";
                s.Append(CultureNewline($"complete -c {tree.Program} -n 'test \"({fn})\" = \"{node.Path}\"' -l {option[2..]}{values}"));
            }
        }

        return s.ToString();
    }

    public static string PowerShell(CompletionTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var s = new StringBuilder();
        s.Append(CultureNewline($"# PowerShell completion for {tree.Program}; load with: {tree.Program} completion pwsh | Out-String | Invoke-Expression"));
        s.Append(CultureNewline($"Register-ArgumentCompleter -Native -CommandName {tree.Program} -ScriptBlock {{"));
        s.Append(CultureNewline("    param($wordToComplete, $commandAst, $cursorPosition)"));
        s.Append(CultureNewline("    $tree = @{"));
        foreach (var node in tree.Nodes)
        {
            s.Append(CultureNewline($"        '{node.Path}' = @({string.Join(", ", node.Words.Select(w => $"'{w}'"))})"));
        }

        s.Append(CultureNewline("    }"));
        s.Append(CultureNewline("    $values = @{"));
        foreach (var (option, values) in tree.OptionValues)
        {
            s.Append(CultureNewline($"        '{option}' = @({string.Join(", ", values.Select(w => $"'{w}'"))})"));
        }

        s.Append(CultureNewline("    }"));
        s.Append(CultureNewline($"    $path = '{tree.Program}'"));
        s.Append(CultureNewline("    $elements = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })"));
        s.Append(CultureNewline("    if ($wordToComplete -ne '' -and $elements.Count -gt 0) { $elements = @($elements | Select-Object -SkipLast 1) }"));
        s.Append(CultureNewline("    foreach ($w in $elements) { if ($tree.ContainsKey(\"$path $w\")) { $path = \"$path $w\" } }"));
        s.Append(CultureNewline("    $candidates = $tree[$path]"));
        s.Append(CultureNewline("    if ($elements.Count -gt 0 -and $values.ContainsKey($elements[-1])) { $candidates = $values[$elements[-1]] }"));
        s.Append(CultureNewline("    $candidates | Where-Object { $_ -like \"$wordToComplete*\" } | ForEach-Object {"));
        s.Append(CultureNewline("        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)"));
        s.Append(CultureNewline("    }"));
        s.Append(CultureNewline("}"));
        return s.ToString();
    }

    private static string CultureNewline(string line) => line + "\n";
}

using System.Diagnostics;
using Meshery.Testing.Paths;

namespace Meshery.Cli.Tests.Support;

/// <summary>
/// Loads a generated completion script into a real shell and asks that shell what it would offer after each typed
/// line: bash runs the function <c>complete</c> registered; zsh runs what <c>compinit</c> registered (the
/// bashcompinit layer) with <c>compadd</c> recording the matches; fish answers <c>complete -C</c>; PowerShell
/// answers <c>TabExpansion2</c>. One shell process answers every line.
/// </summary>
public static class ShellCompleter
{
    /// <summary>The shell's answer per line: the words it offers, in its own order.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> CompleteAsync(string shell, string scriptPath, IReadOnlyList<string> lines, string home)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Assert.All(lines, l => Assert.DoesNotContain('\'', l));
        var (program, arguments, driver) = shell switch
        {
            "bash" => ("bash", new[] { "--norc", "--noprofile" }, Bash(scriptPath, lines)),
            "zsh" => ("zsh", ["-f"], Zsh(scriptPath, lines)),
            "fish" => ("fish", ["--no-config"], Fish(scriptPath, lines)),
            "pwsh" => (Pwsh(), ["-NoProfile", "-NonInteractive", "-File", Path.Combine(home, "complete.ps1")], PowerShell(scriptPath, lines)),
            _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "unknown shell"),
        };
        if (shell == "pwsh")
        {
            // PowerShell reads a script from a file; from stdin it would run line by line as a console.
            await File.WriteAllTextAsync(Path.Combine(home, "complete.ps1"), driver, TestContext.Current.CancellationToken);
            driver = "";
        }

        var output = await RunAsync(program, arguments, driver, home);
        var answers = output.ReplaceLineEndings("\n").Split('\n').SkipWhile(l => l != "<<begin>>").Skip(1).Take(lines.Count).ToList();
        Assert.True(answers.Count == lines.Count, $"{shell} answered {answers.Count} of {lines.Count} lines:\n{output}");
        return [.. answers.Select(a => (IReadOnlyList<string>)a.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
    }

    /// <summary>pwsh on PATH, else the PowerShell tool <c>scripts/setup.sh</c> installs under <c>.tools/pwsh</c>.</summary>
    public static string Pwsh()
    {
        var local = RepositoryRoot.Combine(".tools", "pwsh", OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
        if (File.Exists(local))
        {
            return local;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "pwsh")).FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException($"pwsh is neither at {local} nor on PATH: run scripts/setup.sh");
    }

    private static string Bash(string script, IReadOnlyList<string> lines) => $$"""
        source '{{script}}'
        fn=$(complete -p mesheryctl | sed -n 's/.*-F \([^ ]*\).*/\1/p')
        complete_line() {
            read -ra COMP_WORDS <<< "$1"
            [[ "$1" == *' ' ]] && COMP_WORDS+=('')
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="$1"; COMP_POINT=${#1}
            COMPREPLY=()
            "$fn" mesheryctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            echo "${COMPREPLY[*]}"
        }
        echo '<<begin>>'
        {{string.Join('\n', lines.Select(l => $"complete_line '{l}'"))}}
        """;

    private static string Zsh(string script, IReadOnlyList<string> lines) => $$"""
        source '{{script}}'
        compadd() { local i=${@[(i)-]}; reply+=( "${@[i+1,-1]}" ) }
        complete_line() {
            local -a words reply
            local CURRENT PREFIX
            words=( ${(z)1} )
            [[ "$1" == *' ' ]] && words+=( '' )
            CURRENT=${#words}
            PREFIX=${words[CURRENT]}
            eval "${_comps[mesheryctl]}"
            print -r -- ${(M)reply:#${PREFIX}*}
        }
        print '<<begin>>'
        {{string.Join('\n', lines.Select(l => $"complete_line '{l}'"))}}
        """;

    private static string Fish(string script, IReadOnlyList<string> lines) => $$"""
        source '{{script}}'
        echo '<<begin>>'
        for line in {{string.Join(' ', lines.Select(l => $"'{l}'"))}}
            echo (complete -C "$line" | string split -f1 \t)
        end
        """;

    private static string PowerShell(string script, IReadOnlyList<string> lines) => $$"""
        . '{{script}}'
        '<<begin>>'
        foreach ($line in @({{string.Join(", ", lines.Select(l => $"'{l}'"))}})) {
            (@((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText })) -join ' '
        }
        """;

    private static async Task<string> RunAsync(string program, string[] arguments, string input, string home)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = home,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The shell's own files (zsh's .zcompdump, fish's history, PowerShell's caches) go to the test's home.
        start.Environment["HOME"] = home;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        start.Environment["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(home, ".cache");
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        start.Environment["TERM"] = "dumb";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed ({e.Message}): run scripts/setup.sh", e);
        }

        using (process)
        {
            var cancellationToken = TestContext.Current.CancellationToken;
            await process.StandardInput.WriteAsync(input.ReplaceLineEndings("\n") + "\n");
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}:\n{await error}\n{await output}");
            Assert.True((await error).Length == 0, $"{program} wrote to stderr:\n{await error}");
            return await output;
        }
    }
}

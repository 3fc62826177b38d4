using System.CommandLine;
using Meshery.Cli.Console;

namespace Meshery.Cli;

/// <summary>What every command needs to build its action: the console and the global options.</summary>
public sealed class CliCommandFactory(CliConsole console, GlobalOptions options)
{
    public CliConsole Console { get; } = console;

    public GlobalOptions Options { get; } = options;

    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="run"/> with a session; errors become one stderr line.</summary>
    public void SetAction(Command command, Func<CliSession, ParseResult, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(run);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            CliSession? session = null;
            try
            {
                session = new CliSession(Console, Options, parseResult);
                return await run(session, parseResult, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return MesheryCli.ReportError(Console, ex, session?.Verbose ?? parseResult.GetValue(Options.Verbose), cancellationToken);
            }
        });
    }
}

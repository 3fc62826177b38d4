using System.CommandLine;
using System.Net.Sockets;
using Meshery.Cli.Commands.Completion;
using Meshery.Cli.Commands.Perf;
using Meshery.Cli.Commands.Systems;
using Meshery.Cli.Commands.Version;
using Meshery.Cli.Console;

namespace Meshery.Cli;

/// <summary><c>mesheryctl</c>: the command tree and its one entry point, used by <c>Program</c> and by tests in-process.</summary>
public static class MesheryCli
{
    /// <summary>Builds the command tree for one invocation writing to <paramref name="console"/>.</summary>
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new GlobalOptions();
        var root = new RootCommand("mesheryctl controls Meshery: start, stop and check the agent locally or in a Kubernetes cluster, manage contexts and providers, and work with the server's designs, environments, connections and adapters.");
        options.AddTo(root);
        var cli = new CliCommandFactory(console, options);
        root.Subcommands.Add(SystemCommand.Create(cli));
        root.Subcommands.Add(Commands.Designs.DesignCommand.Create(cli));
        root.Subcommands.Add(Commands.Adapters.AdapterCommand.Create(cli));
        root.Subcommands.Add(Commands.Environments.EnvironmentCommand.Create(cli));
        root.Subcommands.Add(Commands.Connections.ConnectionCommand.Create(cli));
        root.Subcommands.Add(PerfCommand.Create(cli));
        root.Subcommands.Add(VersionCommand.Create(cli));
        root.Subcommands.Add(CompletionCommand.Create(cli, root));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (0 on success).</summary>
    public static async Task<int> InvokeAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = CreateRootCommand(console);
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var verbose = args.Contains("-v") || args.Contains("--verbose");
            return ReportError(console, ex, verbose, cancellationToken);
        }
        finally
        {
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Prints one line on stderr (details with <c>--verbose</c>) and returns the exit code.</summary>
    internal static int ReportError(CliConsole console, Exception exception, bool verbose, CancellationToken cancellationToken)
    {
        var (message, code) = exception switch
        {
            CliException cli => (cli.Message, cli.ExitCode),
            OperationCanceledException when cancellationToken.IsCancellationRequested => ("cancelled", 130),
            HttpRequestException http => ($"request failed: {http.Message}", 1),
            SocketException socket => ($"network error: {socket.Message}", 1),
            UnauthorizedAccessException access => ($"permission denied: {access.Message}", 1),
            IOException io => ($"I/O error: {io.Message}", 1),
            _ => ($"unexpected error: {exception.Message}", 1),
        };
        console.Error.WriteLine($"Error: {OneLine(message)}");
        if (verbose)
        {
            console.Error.WriteLine(exception.ToString());
        }

        console.Error.Flush();
        return code;
    }

    internal static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}

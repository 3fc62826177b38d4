using System.CommandLine;

namespace Meshery.Cli.Commands.Perf;

/// <summary><c>mesheryctl perf</c>: performance profiles, their test runs and results.</summary>
public static class PerfCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        var perf = new Command("perf", "Run performance tests and manage performance profiles and results");
        perf.Subcommands.Add(ApplyCommand.Create(cli));
        perf.Subcommands.Add(ProfileCommand.Create(cli));
        perf.Subcommands.Add(ResultCommand.Create(cli));
        perf.Subcommands.Add(ViewCommand.Create(cli));
        perf.Subcommands.Add(DeleteCommand.Create(cli));
        return perf;
    }
}

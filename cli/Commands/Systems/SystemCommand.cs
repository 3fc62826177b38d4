using System.CommandLine;
using Meshery.Cli.Commands.Contexts;
using Meshery.Cli.Commands.Providers;

namespace Meshery.Cli.Commands.Systems;

/// <summary><c>mesheryctl system</c>: the lifecycle of Meshery and the CLI's contexts and providers.</summary>
public static class SystemCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        var system = new Command("system", "Start, stop, check and inspect Meshery, and manage contexts and providers");
        system.Subcommands.Add(StartCommand.Create(cli));
        system.Subcommands.Add(StopCommand.Create(cli));
        system.Subcommands.Add(StatusCommand.Create(cli));
        system.Subcommands.Add(CheckCommand.Create(cli));
        system.Subcommands.Add(LogsCommand.Create(cli));
        system.Subcommands.Add(ContextCommand.Create(cli));
        system.Subcommands.Add(ProviderCommand.Create(cli));
        return system;
    }
}

using System.CommandLine;
using Meshery.Cli.Commands.Contexts;
using Meshery.Cli.Commands.Providers;
using Meshery.Cli.Commands.Tokens;

namespace Meshery.Cli.Commands.Systems;

/// <summary><c>mesheryctl system</c>: the lifecycle of Meshery and the CLI's contexts and providers.</summary>
public static class SystemCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        var system = new Command("system", "Start, stop, check and inspect Meshery, manage contexts and providers, and sign in to a provider");
        system.Subcommands.Add(StartCommand.Create(cli));
        system.Subcommands.Add(StopCommand.Create(cli));
        system.Subcommands.Add(StatusCommand.Create(cli));
        system.Subcommands.Add(CheckCommand.Create(cli));
        system.Subcommands.Add(LogsCommand.Create(cli));
        system.Subcommands.Add(ContextCommand.Create(cli));
        system.Subcommands.Add(ProviderCommand.Create(cli));
        system.Subcommands.Add(LoginCommand.Create(cli));
        system.Subcommands.Add(LogoutCommand.Create(cli));
        system.Subcommands.Add(TokenCommand.Create(cli));
        return system;
    }
}

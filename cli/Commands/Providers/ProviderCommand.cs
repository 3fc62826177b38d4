using System.CommandLine;

namespace Meshery.Cli.Commands.Providers;

/// <summary><c>mesheryctl system provider</c>: which provider a context uses.</summary>
public static class ProviderCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        var provider = new Command("provider", "List the server's providers and choose the one a context uses");
        provider.Subcommands.Add(ListCommand.Create(cli));
        provider.Subcommands.Add(SetCommand.Create(cli));
        provider.Subcommands.Add(ViewCommand.Create(cli));
        return provider;
    }
}

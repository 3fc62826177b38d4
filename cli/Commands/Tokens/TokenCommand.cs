using System.CommandLine;

namespace Meshery.Cli.Commands.Tokens;

/// <summary><c>mesheryctl system token</c>: the tokens <c>system login</c> keeps per context.</summary>
public static class TokenCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        var token = new Command("token", "Show the tokens 'system login' keeps for a context");
        token.Subcommands.Add(ViewCommand.Create(cli));
        return token;
    }
}

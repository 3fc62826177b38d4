using System.CommandLine;
using System.Text.Json.Nodes;

namespace Meshery.Cli.Commands.Providers;

/// <summary><c>system provider view</c>: the provider the current context uses.</summary>
public static class ViewCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var command = new Command("view", "Show the provider of the current context (or of --context)");
        cli.SetAction(command, (session, _, _) =>
        {
            var config = session.LoadConfig();
            var (context, settings) = session.ResolveContext(config);
            var provider = settings.Provider ?? "None";
            var data = new JsonObject { ["context"] = context, ["provider"] = provider };
            session.Output.Write(data, () => new Spectre.Console.Text($"Context '{context}' uses provider '{provider}'.\n"));
            return Task.FromResult(0);
        });
        return command;
    }
}

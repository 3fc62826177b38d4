using System.CommandLine;

namespace Meshery.Cli.Commands.Contexts;

/// <summary><c>system context switch NAME</c>.</summary>
public static class SwitchCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var name = new Argument<string>("name") { Description = "The context to make current" };
        var command = new Command("switch", "Make another context the current context") { name };
        cli.SetAction(command, (session, parse, _) =>
        {
            var contextName = parse.GetValue(name)!;
            var config = session.LoadConfig();
            if (!config.HasContext(contextName))
            {
                throw new CliException($"context '{contextName}' does not exist in {config.FilePath} (see 'mesheryctl system context list')");
            }

            if (config.CurrentContext == contextName)
            {
                session.Console.Out.WriteLine($"Already using context '{contextName}'.");
                return Task.FromResult(0);
            }

            config.CurrentContext = contextName;
            config.Save();
            session.Console.Out.WriteLine($"Switched to context '{contextName}'.");
            return Task.FromResult(0);
        });
        return command;
    }
}

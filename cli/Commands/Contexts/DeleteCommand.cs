using System.CommandLine;

namespace Meshery.Cli.Commands.Contexts;

/// <summary><c>system context delete NAME</c>.</summary>
public static class DeleteCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var name = new Argument<string>("name") { Description = "The context to delete" };
        var next = new Option<string?>("--set", "-s") { Description = "The context to make current when deleting the current one", HelpName = "name" };
        var command = new Command("delete", "Delete a context from the config file") { name, next };
        cli.SetAction(command, (session, parse, _) =>
        {
            var contextName = parse.GetValue(name)!;
            var config = session.LoadConfig();
            if (!config.RemoveContext(contextName))
            {
                throw new CliException($"context '{contextName}' does not exist in {config.FilePath} (see 'mesheryctl system context list')");
            }

            var message = $"Deleted context '{contextName}'.";
            if (config.CurrentContext == contextName)
            {
                var replacement = parse.GetValue(next) ?? config.ContextNames.FirstOrDefault();
                if (replacement is not null && !config.HasContext(replacement))
                {
                    throw new CliException($"context '{replacement}' does not exist in {config.FilePath}");
                }

                config.CurrentContext = replacement;
                message += replacement is null ? " No context is current now." : $" Current context is now '{replacement}'.";
            }

            config.Save();
            session.Console.Out.WriteLine(message);
            return Task.FromResult(0);
        });
        return command;
    }
}

using System.CommandLine;

namespace Meshery.Cli.Commands.Providers;

/// <summary><c>system provider set NAME</c>: the provider the current context uses.</summary>
public static class SetCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var name = new Argument<string>("name") { Description = "Provider name as 'system provider list' shows it (None = the local provider)" };
        var command = new Command("set", "Set the provider of the current context (or of --context)") { name };
        cli.SetAction(command, (session, parse, _) =>
        {
            var provider = parse.GetValue(name)!;
            if (string.IsNullOrWhiteSpace(provider))
            {
                throw new CliException("provider name must not be empty");
            }

            var config = session.LoadConfig();
            var (context, _) = session.ResolveContext(config);
            config.SetContextValue(context, "provider", provider);
            config.Save();
            session.Console.Out.WriteLine($"Provider of context '{context}' set to '{provider}'.");
            return Task.FromResult(0);
        });
        return command;
    }
}

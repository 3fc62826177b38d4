using System.CommandLine;
using System.Text.Json.Nodes;
using Meshery.Cli.Config;
using Meshery.Cli.Output;

namespace Meshery.Cli.Commands.Contexts;

/// <summary><c>system context view [NAME] [--all]</c>.</summary>
public static class ViewCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var name = new Argument<string?>("name") { Description = "The context to show (default: the current one)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Show the whole config file" };
        var command = new Command("view", "Show a context's settings, or the whole config file with --all") { name, all };
        cli.SetAction(command, (session, parse, _) =>
        {
            var config = session.LoadConfig();
            if (parse.GetValue(all))
            {
                session.Console.Out.Write(config.ToYaml());
                return Task.FromResult(0);
            }

            var contextName = parse.GetValue(name) ?? session.ResolveContext(config).Name;
            if (!config.HasContext(contextName))
            {
                throw new CliException($"context '{contextName}' does not exist in {config.FilePath} (see 'mesheryctl system context list')");
            }

            var settings = config.GetContext(contextName);
            var data = ToJson(contextName, settings, config.CurrentContext == contextName);
            if (session.Format == OutputFormat.Table)
            {
                session.Console.Out.WriteLine($"context: {contextName}{(config.CurrentContext == contextName ? " (current)" : "")}");
                session.Console.Out.Write(config.ContextToYaml(contextName));
            }
            else
            {
                session.Output.Write(data, () => throw new InvalidOperationException());
            }

            return Task.FromResult(0);
        });
        return command;
    }

    internal static JsonObject ToJson(string name, ContextSettings settings, bool current) => new()
    {
        ["name"] = name,
        ["current"] = current,
        ["endpoint"] = settings.Endpoint,
        ["token"] = settings.Token,
        ["platform"] = settings.Platform,
        ["components"] = new JsonArray(settings.Components.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
        ["channel"] = settings.Channel,
        ["version"] = settings.Version,
        ["provider"] = settings.Provider,
    };
}

using System.CommandLine;
using Meshery.Cli.Config;

namespace Meshery.Cli.Commands.Contexts;

/// <summary><c>system context create NAME</c>.</summary>
public static class CreateCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var name = new Argument<string>("name") { Description = "Name of the new context" };
        var endpoint = new Option<string>("--url", "-u") { Description = "Meshery server URL", DefaultValueFactory = _ => ContextSettings.DefaultEndpoint, HelpName = "url" };
        var platform = new Option<string>("--platform", "-p") { Description = "Platform Meshery runs on", DefaultValueFactory = _ => "local" };
        platform.AcceptOnlyFromAmong("local", "kubernetes", "docker");
        var provider = new Option<string?>("--provider") { Description = "Provider name (None = the local provider)", HelpName = "name" };
        var token = new Option<string>("--token", "-t") { Description = "Name of the token (from 'tokens') to use", DefaultValueFactory = _ => "Default", HelpName = "name" };
        var components = new Option<string[]>("--components", "-a") { Description = "Adapters to deploy with Meshery", AllowMultipleArgumentsPerToken = true, HelpName = "names" };
        var channel = new Option<string>("--channel") { Description = "Release channel", DefaultValueFactory = _ => "stable" };
        channel.AcceptOnlyFromAmong("stable", "edge");
        var version = new Option<string>("--version") { Description = "Meshery version", DefaultValueFactory = _ => "latest" };
        var set = new Option<bool>("--set", "-s") { Description = "Make the new context the current context" };
        var command = new Command("create", "Create a new context in the config file") { name, endpoint, platform, provider, token, components, channel, version, set };
        cli.SetAction(command, (session, parse, _) =>
        {
            var contextName = parse.GetValue(name)!;
            var config = session.LoadConfig();
            if (config.HasContext(contextName))
            {
                throw new CliException($"context '{contextName}' already exists in {config.FilePath}");
            }

            var settings = new ContextSettings
            {
                Endpoint = parse.GetValue(endpoint),
                Token = parse.GetValue(token),
                Platform = parse.GetValue(platform),
                Components = parse.GetValue(components) ?? [],
                Channel = parse.GetValue(channel),
                Version = parse.GetValue(version),
                Provider = parse.GetValue(provider) ?? "None",
            };
            settings.EndpointUri(contextName);
            config.SetContext(contextName, settings);
            var setCurrent = parse.GetValue(set) || config.CurrentContext is null;
            if (setCurrent)
            {
                config.CurrentContext = contextName;
            }

            config.Save();
            session.Console.Out.WriteLine($"Added context '{contextName}'{(setCurrent ? " and made it the current context" : "")}.");
            return Task.FromResult(0);
        });
        return command;
    }
}

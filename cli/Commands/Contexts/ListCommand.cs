using System.CommandLine;
using System.Text.Json.Nodes;
using Meshery.Cli.Output;

namespace Meshery.Cli.Commands.Contexts;

/// <summary><c>system context list</c>.</summary>
public static class ListCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var command = new Command("list", "List the contexts in the config file (* marks the current one)");
        cli.SetAction(command, (session, _, _) =>
        {
            var config = session.LoadConfig();
            var current = config.CurrentContext;
            var rows = config.ContextNames.Select(name => (name, settings: config.GetContext(name))).ToList();
            var data = new JsonObject
            {
                ["current-context"] = current,
                ["contexts"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
                {
                    ["name"] = r.name,
                    ["current"] = r.name == current,
                    ["endpoint"] = r.settings.Endpoint,
                    ["platform"] = r.settings.Platform,
                    ["provider"] = r.settings.Provider,
                }).ToArray()),
            };
            session.Output.Write(data, () => session.Output.Table(
                ["CURRENT", "NAME", "ENDPOINT", "PLATFORM", "PROVIDER"],
                rows.Select(r => (IReadOnlyList<string>)[r.name == current ? "*" : "", r.name, r.settings.Endpoint ?? "", r.settings.Platform ?? "", r.settings.Provider ?? ""])));
            return Task.FromResult(0);
        });
        return command;
    }
}

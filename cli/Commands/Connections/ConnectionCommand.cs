using System.CommandLine;

namespace Meshery.Cli.Commands.Connections;

/// <summary><c>mesheryctl connection</c>: the clusters and services Meshery manages.</summary>
public static class ConnectionCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        var connection = new Command("connection", "Create, list, view and delete connections (Kubernetes clusters and other services Meshery manages)");
        connection.Subcommands.Add(CreateCommand.Create(cli));
        connection.Subcommands.Add(ListCommand.Create(cli));
        connection.Subcommands.Add(ViewCommand.Create(cli));
        connection.Subcommands.Add(DeleteCommand.Create(cli));
        return connection;
    }

    /// <summary>The table of connections that list and create print.</summary>
    internal static Spectre.Console.Table Table(CliSession session, IEnumerable<System.Text.Json.Nodes.JsonObject> connections) =>
        session.Output.Table(
            ["ID", "NAME", "KIND", "STATUS", "SERVER", "UPDATED"],
            connections.Select(c => (IReadOnlyList<string>)
            [
                Common.JsonText.Of(c, "id"), Common.JsonText.Of(c, "name"), Common.JsonText.Of(c, "kind"), Common.JsonText.Of(c, "status"),
                Common.JsonText.Of(c["metadata"], "server"), Common.JsonText.TimeOf(c, "updatedAt"),
            ]));
}

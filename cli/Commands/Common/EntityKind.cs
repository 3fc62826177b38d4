namespace Meshery.Cli.Commands.Common;

/// <summary>What the API calls a kind of entity: its collection route, the list's array key and how a list filters by name.</summary>
public sealed record EntityKind(string Noun, string Plural, string Collection, string ItemsKey, string NameFilter, string ListCommand)
{
    public static EntityKind Design { get; } = new("design", "designs", "/api/pattern", "patterns", "search", "mesheryctl design list");

    public static EntityKind Environment { get; } = new("environment", "environments", "/api/environments", "environments", "search", "mesheryctl environment list");

    public static EntityKind Connection { get; } = new("connection", "connections", "/api/integrations/connections", "connections", "name", "mesheryctl connection list");
}

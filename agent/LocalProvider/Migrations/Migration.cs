namespace Meshery.Agent.LocalProvider.Migrations;

/// <summary>One schema step: applied once, in order, inside its own transaction.</summary>
public sealed record Migration(int Version, string Name, string Sql);

namespace Meshery.Cli.Output;

/// <summary>How a command prints what it reports.</summary>
public enum OutputFormat
{
    Table,
    Json,
    Yaml,
}

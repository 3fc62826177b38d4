using System.CommandLine;

namespace Meshery.Cli.Commands.Designs;

/// <summary><c>mesheryctl design</c>: the designs (Meshery patterns) the server keeps.</summary>
public static class DesignCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        var design = new Command("design", "Apply, import, export, list, view and delete designs (Meshery patterns) kept by the Meshery server");
        design.Subcommands.Add(ApplyCommand.Create(cli));
        design.Subcommands.Add(ImportCommand.Create(cli));
        design.Subcommands.Add(ExportCommand.Create(cli));
        design.Subcommands.Add(ListCommand.Create(cli));
        design.Subcommands.Add(ViewCommand.Create(cli));
        design.Subcommands.Add(DeleteCommand.Create(cli));
        return design;
    }
}
